/**
 * The send rate limit of the real SDKs. Its counter lives in a decorator closure shared by every
 * chat object of the loaded SDK module, so this runs in its own file (its own module instance)
 * with no other sends before it.
 */
import { describe, expect, it } from 'vitest';
import { createDyteHarness } from '../src/createDyteHarness';
import { createRealtimeKitHarness } from '../src/createRealtimeKitHarness';

describe.each([
  { name: 'RealtimeKit 2.0.2', create: createRealtimeKitHarness },
  { name: 'Dyte 3.1.11', create: createDyteHarness },
])('$name sendTextMessage rate limit', ({ create }) => {
  it('allows 180 sends per 60 s, then throws ERR0013 synchronously', async () => {
    const h = await create();
    try {
      expect(h.chat.rateLimits).toEqual({ maxInvocations: 180, period: 60 });
      for (let i = 0; i < 180; i++) await h.chat.sendTextMessage(`message ${i}`);
      let thrown: unknown;
      let returned: unknown;
      try {
        // Not a rejected promise: the limiter wraps the method and throws before calling it.
        returned = h.chat.sendTextMessage('one too many');
      } catch (error) {
        thrown = error;
      }
      expect(returned).toBeUndefined();
      expect((thrown as { code?: string }).code).toBe('0013');
      const sent = await h.server.waitForRequests('sendMessageToRoom', 180);
      // The refused send never reaches the server: a request made after it (an edit, which is
      // not rate limited) arrives with still only 180 sends before it.
      const first = h.server.messages[0];
      if (!first) throw new Error('no stored message');
      const edit = h.server.nextRequest('editMessage');
      await h.chat.editTextMessage(first.chatId, 'edited');
      await edit;
      expect(sent).toHaveLength(180);
      expect(h.server.received.filter((r) => r.event === 'sendMessageToRoom')).toHaveLength(180);
    } finally {
      await h.dispose();
    }
  });
});
