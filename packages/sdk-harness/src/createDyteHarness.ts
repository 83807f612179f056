/**
 * The real `meeting.chat` of `@dytesdk/web-core@3.1.11`, running offline against the harness
 * server. See `harness.ts` for what the returned object holds.
 *
 * Dyte additionally asks `POST /v2/internals/rooms` for the media node (answered with
 * `sfu: 3`, the Cloudflare SFU, which uses the same socket media events as RealtimeKit) and
 * `GET /v2/plugins/user`.
 */
import type DyteClient from '@dytesdk/web-core';
import { createHarness } from './harness';
import type { Harness, HarnessOptions } from './harnessTypes';
import { loadSdk } from './protoRegistry';

export type DyteMeeting = DyteClient;
export type DyteChat = DyteClient['chat'];
export type DyteHarness = Harness<DyteMeeting, DyteChat>;

export async function createDyteHarness(options: HarnessOptions = {}): Promise<DyteHarness> {
  const { sdk, registry } = await loadSdk('dyte', () => import('@dytesdk/web-core'));
  const { setupStubs } = await import('@dytesdk/web-core/mock');
  const title = options.title ?? 'Harness meeting';
  return createHarness<DyteMeeting, DyteChat>(
    {
      kind: 'dyte',
      registry,
      setupStubs,
      init: (initOptions) => sdk.init(initOptions),
      extraRoutes: [
        {
          method: 'POST',
          path: /\/v2\/internals\/rooms$/,
          answer: () => ({
            body: {
              success: true,
              data: { room_node_link: '', title, use_hive_media: false, sfu: 3 },
            },
          }),
        },
        {
          method: 'GET',
          path: /\/v2\/plugins\/user$/,
          answer: () => ({ body: { success: true, data: { plugins: [] } } }),
        },
      ],
      pinResponseCarriesMessage: false,
    },
    { ...options, title },
  );
}
