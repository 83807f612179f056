import { http, HttpResponse, delay } from 'msw';
import { toChatDumpCsv } from '@natter/core';
import type { Message } from '@natter/core';

/**
 * The Replay API as stories see it, served in the browser by MSW: the app's own endpoint
 * (`/api/chat-replay`, what `createReplayHandler` answers) and the signed storage URL.
 */
export type ReplayScenario =
  | 'ok'
  | 'expired-then-ok'
  | 'forbidden'
  /** Storage refuses the first two downloads (the first link and its one refresh), then serves. */
  | 'forbidden-then-ok'
  | 'endpoint-error'
  | 'slow';

export function replayHandlers(messages: () => Message[], scenario: ReplayScenario = 'ok') {
  let linkCalls = 0;
  let storageCalls = 0;
  return [
    http.get('/api/chat-replay', ({ request }) => {
      linkCalls++;
      const sessionId = new URL(request.url).searchParams.get('sessionId') ?? 'session';
      if (scenario === 'endpoint-error') {
        return HttpResponse.json(
          { error: { code: 'upstream-error', message: 'The Chat Replay API did not answer.' } },
          { status: 502 },
        );
      }
      const expired = scenario === 'expired-then-ok' && linkCalls === 1;
      return HttpResponse.json({
        url: `/storage/chat-dumps/${sessionId}.csv?signature=sig-${linkCalls}`,
        expiresAt: new Date(Date.now() + (expired ? -1_000 : 10 * 60_000)).toISOString(),
      });
    }),
    http.get('/storage/chat-dumps/:file', async () => {
      storageCalls++;
      if (scenario === 'forbidden' || (scenario === 'forbidden-then-ok' && storageCalls <= 2))
        return new HttpResponse('<Error><Code>AccessDenied</Code></Error>', { status: 403 });
      const csv = await toChatDumpCsv(messages(), {
        sessionId: 'session-42',
        meetingId: 'meeting-7',
      });
      const body = new TextEncoder().encode(csv);
      if (scenario === 'slow') await delay(1500);
      return new HttpResponse(body, {
        headers: { 'Content-Type': 'text/csv', 'Content-Length': String(body.byteLength) },
      });
    }),
  ];
}
