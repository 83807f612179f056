import { describe, expect, it } from 'vitest';
import { parseChatDump } from './parseChatDump';

describe('reading a Blob without stream()', () => {
  it('falls back to slices (older Safari, jsdom) and parses the same messages', async () => {
    const csv =
      '\uFEFFid,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n' +
      'a,u1,s,m,Zoë 🎉,false,false,TEXT_MESSAGE,"multi\nline",2026-01-01T00:00:00.000Z\r\n';
    const blob = new Blob([csv]);
    Object.defineProperty(blob, 'stream', { value: undefined });
    const { messages, errors } = await parseChatDump(blob);
    expect(errors).toEqual([]);
    expect(messages.map((m) => [m.id, m.displayName, m.type === 'text' && m.message])).toEqual([
      ['a', 'Zoë 🎉', 'multi\nline'],
    ]);
  });
});
