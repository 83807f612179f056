/**
 * The shared ChatLike conformance suite, run against the real SDK chat objects.
 */
import type { ChatLike } from '@natter/core';
import { describeChatConformance } from '@natter/core/testing';
import type { ChatConformanceFixture } from '@natter/core/testing';
import * as vitest from 'vitest';
import { createDyteHarness } from '../src/createDyteHarness';
import { createRealtimeKitHarness } from '../src/createRealtimeKitHarness';
import type { Harness } from '../src/harnessTypes';

const REMOTE = { userId: 'remote-user', displayName: 'Remote' };

function fixtureOf<Meeting, Chat>(
  h: Harness<Meeting, Chat>,
  chat: ChatLike,
): ChatConformanceFixture {
  const { remote } = h.server;
  return {
    chat,
    self: { userId: h.self.userId, displayName: h.self.displayName },
    remote: {
      ...REMOTE,
      sendText: async (text) => {
        await remote.sendText({ ...REMOTE, text });
      },
      edit: async (id, text) => {
        await remote.edit(id, text);
      },
      delete: async (id) => {
        await remote.delete(id);
      },
      pin: async (id) => {
        await remote.pin(id);
      },
      unpin: async (id) => {
        await remote.unpin(id);
      },
    },
    dispose: () => h.dispose(),
  };
}

describeChatConformance(
  'RealtimeKit 2.0.2 (real SDK, harness server)',
  async () => {
    const h = await createRealtimeKitHarness();
    return fixtureOf(h, h.chat);
  },
  { test: vitest },
);

describeChatConformance(
  'Dyte web-core 3.1.11 (real SDK, harness server)',
  async () => {
    const h = await createDyteHarness();
    return fixtureOf(h, h.chat);
  },
  { emitsPinEvents: false, test: vitest },
);
