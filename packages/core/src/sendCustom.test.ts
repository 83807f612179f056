import { describe, expect, it } from 'vitest';
import { ChatError } from './ChatError';
import { createLocalChat } from './createLocalChat';
import { parseChatDump } from './csv/parseChatDump';
import { toChatDumpCsv } from './csv/toChatDumpCsv';
import { getChatStore, releaseChatStore } from './getChatStore';
import { sendCustom } from './sendCustom';
import type { ChatLike, ChatUpdateEvent, CustomMessage } from './types';

describe('sendCustom', () => {
  it('sends through the chat like the SDK: no local echo, then an add with the custom fields', async () => {
    const chat = createLocalChat({ history: 0, latencyMs: 1 });
    const store = getChatStore(chat);
    const unsubscribe = store.subscribe(() => undefined);
    const added: CustomMessage[] = [];
    chat.on('chatUpdate', (event: ChatUpdateEvent) => {
      if (event.action === 'add' && 'type' in event.message && event.message.type === 'custom')
        added.push(event.message);
    });
    const poll = JSON.stringify({ poll: 'Lunch?', options: ['Pizza', 'Soup'] });
    const peerIds: string[] = [];
    await sendCustom(
      chat,
      {
        type: 'custom',
        message: poll,
        html: '<b onclick="x()">bold</b>',
        files: ['https://files.example/agenda.pdf', new File(['notes'], 'notes.txt')],
      },
      { peerIds },
    );
    expect(peerIds).toEqual([]); // the caller's array is not touched
    expect(store.getMessages()).toHaveLength(0); // nothing until the echo
    await expect.poll(() => added.length).toBe(1);
    expect(added[0]).toMatchObject({
      type: 'custom',
      message: poll,
      html: '<b onclick="x()">bold</b>',
    });
    expect(added[0]?.files?.[0]).toEqual({ link: 'https://files.example/agenda.pdf' });
    expect(added[0]?.files?.[1]).toMatchObject({ name: 'notes.txt', size: 5 });
    await expect.poll(() => store.getMessages().map((m) => m.type)).toEqual(['custom']);

    // The CSV dump keeps it, and reading the dump back gives the same fields.
    const csv = await toChatDumpCsv(store.getMessages(), { sessionId: 's', meetingId: 'm' });
    const { messages, errors } = await parseChatDump(csv);
    expect(errors).toEqual([]);
    expect(messages[0]).toMatchObject({
      type: 'custom',
      message: poll,
      html: '<b onclick="x()">bold</b>',
      files: [{ link: 'https://files.example/agenda.pdf' }, { name: 'notes.txt', size: 5 }],
    });
    unsubscribe();
    releaseChatStore(chat);
    chat.dispose();
  });

  it('rejects readably when the chat has no sendCustomMessage, and maps SDK failures', async () => {
    const chat = createLocalChat({ history: 0 });
    const bare = { ...chat, sendCustomMessage: undefined } as unknown as ChatLike;
    await expect(sendCustom(bare, { type: 'custom', message: 'x' })).rejects.toMatchObject({
      code: 'unsupported',
      message: 'This chat cannot send custom messages.',
    });
    chat.simulate.failNext('reject');
    const error = await sendCustom(chat, { type: 'custom', message: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    chat.dispose();
  });
});
