import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectDevChat, createDevMeeting, getMeetingStore } from '@natter/core';
import type { ChatUpdateEvent, DevChat, Message } from '@natter/core';
import type { DevServer } from '../src/index';
import { join, silent, startServer, tempDir } from './testServer';

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let chats: DevChat[];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path);
  chats = [];
});
afterEach(async () => {
  for (const chat of chats) chat.close();
  await server.close();
  dir.remove();
});

async function connect(body: Record<string, unknown>): Promise<DevChat> {
  const { token } = await join(server, 'room', body);
  const chat = await connectDevChat({ url: server.url, token, WebSocket, logger: silent });
  chats.push(chat);
  return chat;
}

function nextPermissionsUpdate(chat: DevChat): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (patch: never) => {
      chat.self.permissions.off('permissionsUpdate', listener);
      resolve(patch);
    };
    chat.self.permissions.on('permissionsUpdate', listener);
  });
}

function nextAdd(chat: DevChat): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (event: ChatUpdateEvent): void => {
      if (event.action !== 'add' || !('type' in event.message)) return;
      chat.off('chatUpdate', listener);
      resolve(event.message);
    };
    chat.on('chatUpdate', listener);
  });
}

describe('host controls', () => {
  it('a host turns chat off and on for everyone; the server enforces it and says so live', async () => {
    const host = await connect({ name: 'Hana', userId: 'u-host', preset: 'host' });
    const ana = await connect({ name: 'Ana', userId: 'u-ana' });
    // The SDK shape: the same objects, mutated in place.
    const chatPublic = ana.self.permissions.chatPublic;
    expect(chatPublic).toEqual({ canSend: true, text: true, files: true });
    expect(ana.self.permissions.chatMessages).toEqual({ edit: 'own', delete: 'own', pin: 'own' });
    expect(host.self.permissions.chatMessages).toEqual({ edit: 'own', delete: 'any', pin: 'any' });

    const update = nextPermissionsUpdate(ana);
    await host.setChatControls({ chat: false });
    expect(await update).toMatchObject({ chatPublic: { canSend: false } });
    expect(ana.self.permissions.chatPublic).toBe(chatPublic);
    expect(chatPublic).toEqual({ canSend: false, text: false, files: false });
    expect(ana.self.permissions.chatPrivate.canSend).toBe(false);
    // Hosts keep chatting; participants are refused with a readable reason.
    expect(host.self.permissions.chatPublic.canSend).toBe(true);
    await expect(ana.sendTextMessage('let me in')).rejects.toThrow('The host has turned off chat.');
    await expect(ana.sendTextMessage('psst', ['u-host'])).rejects.toMatchObject({
      code: 'forbidden',
    });
    const fromHost = nextAdd(ana);
    await host.sendTextMessage('only the host speaks');
    expect((await fromHost).userId).toBe('u-host');

    const back = nextPermissionsUpdate(ana);
    await host.setChatControls({ chat: true });
    await back;
    expect(chatPublic.canSend).toBe(true);
    const seen = nextAdd(host);
    await ana.sendTextMessage('thanks');
    expect((await seen).userId).toBe('u-ana');
  });

  it('files off and private chat off each take away only their part', async () => {
    const host = await connect({ name: 'Hana', userId: 'u-host', preset: 'host' });
    const ana = await connect({ name: 'Ana', userId: 'u-ana' });
    let update = nextPermissionsUpdate(ana);
    await host.setChatControls({ files: false });
    await update;
    expect(ana.self.permissions.chatPublic).toEqual({ canSend: true, text: true, files: false });
    expect(ana.self.permissions.controls).toEqual({ chat: true, files: false, privateChat: true });
    await expect(
      ana.sendFileMessage(new File(['x'], 'notes.txt', { type: 'text/plain' })),
    ).rejects.toThrow('The host has turned off files.');

    update = nextPermissionsUpdate(ana);
    await host.setChatControls({ privateChat: false });
    await update;
    expect(ana.self.permissions.chatPrivate.canSend).toBe(false);
    await expect(ana.sendTextMessage('psst', ['u-host'])).rejects.toThrow(
      'The host has turned off private messages.',
    );
    const seen = nextAdd(host);
    await ana.sendTextMessage('public is fine');
    expect((await seen).targetUserIds ?? []).toEqual([]);
  });

  it('only a host may change the controls, and a late joiner gets the room as it is', async () => {
    const host = await connect({ name: 'Hana', userId: 'u-host', preset: 'host' });
    const ana = await connect({ name: 'Ana', userId: 'u-ana' });
    await expect(ana.setChatControls({ chat: false })).rejects.toThrow(
      'Only a host can change what participants may do.',
    );
    await host.setChatControls({ chat: false });
    const late = await connect({ name: 'Lee', userId: 'u-lee' });
    expect(late.self.permissions.chatPublic.canSend).toBe(false);
  });

  it('createDevMeeting gives the kit the SDK shape: permissions and participants, live', async () => {
    const host = await connect({ name: 'Hana', userId: 'u-host', preset: 'host' });
    const ana = await connect({ name: 'Ana', userId: 'u-ana' });
    const store = getMeetingStore(createDevMeeting(ana));
    let notified = 0;
    const stop = store.subscribe(() => (notified += 1));
    expect(store.getParticipants().map((p) => `${p.name}:${p.isHost}:${p.isSelf}`)).toEqual([
      'Ana:false:true',
      'Hana:true:false',
    ]);
    const joined = new Promise<void>((resolve) => {
      const check = store.subscribe(() => {
        if (store.getParticipant('u-lee')) {
          check();
          resolve();
        }
      });
    });
    await connect({ name: 'Lee', userId: 'u-lee' });
    await joined;
    const update = nextPermissionsUpdate(ana);
    await host.setChatControls({ chat: false });
    await update;
    expect(store.getPermissions().chatPublic.canSend).toBe(false);
    expect(store.getPermissions().chatMessages.pin).toBe('own');
    expect(notified).toBeGreaterThanOrEqual(2);
    stop();
  });
});
