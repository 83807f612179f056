import { WebSocket } from 'ws';
import { describeChatConformance } from '@natter/core/testing';
import type { RemoteDriver } from '@natter/core/testing';
import * as vitest from 'vitest';
import { connectDevChat } from '@natter/core';
import type { ChatUpdateEvent } from '@natter/core';
import type { DevChat } from '@natter/core';
import { join, silent, startServer, tempDir } from './testServer';

let meetings = 0;

/** A second connected client drives the remote side; each call waits for its own echo. */
function remoteDriver(remote: DevChat): RemoteDriver {
  const echo = (test: (event: ChatUpdateEvent) => boolean, act: () => Promise<void>) =>
    new Promise<void>((resolve, reject) => {
      const listener = (event: ChatUpdateEvent): void => {
        if (!test(event)) return;
        remote.off('chatUpdate', listener);
        resolve();
      };
      remote.on('chatUpdate', listener);
      act().catch(reject);
    });
  const isText = (event: ChatUpdateEvent, text: string) =>
    'type' in event.message && event.message.type === 'text' && event.message.message === text;
  return {
    userId: remote.self.userId,
    displayName: remote.self.displayName,
    sendText: (text) =>
      echo(
        (e) => e.action === 'add' && isText(e, text),
        () => remote.sendTextMessage(text),
      ),
    edit: (id, text) =>
      echo(
        (e) => e.action === 'edit' && isText(e, text),
        () => remote.editTextMessage(id, text),
      ),
    delete: (id) =>
      echo(
        (e) => e.action === 'delete' && e.message.id === id,
        () => remote.deleteMessage(id),
      ),
    pin: (id) => remote.pin(id),
    unpin: (id) => remote.unpin(id),
  };
}

describeChatConformance(
  'connectDevChat over a real dev server',
  async () => {
    const dir = tempDir();
    const server = await startServer(dir.path);
    const meetingId = `conformance-${++meetings}`;
    const me = await join(server, meetingId, { name: 'Me', userId: 'user-me' });
    const them = await join(server, meetingId, { name: 'Ada Lovelace', userId: 'user-ada' });
    const chat = await connectDevChat({
      url: server.url,
      token: me.token,
      WebSocket,
      logger: silent,
    });
    const remote = await connectDevChat({
      url: server.url,
      token: them.token,
      WebSocket,
      logger: silent,
    });
    return {
      chat,
      self: { userId: chat.self.userId, displayName: chat.self.displayName },
      remote: remoteDriver(remote),
      async dispose() {
        chat.close();
        remote.close();
        await server.close();
        dir.remove();
      },
    };
  },
  { test: vitest },
);
