/**
 * The real `meeting.chat` of `@cloudflare/realtimekit@2.0.2`, running offline against the harness
 * server. See `harness.ts` for what the returned object holds.
 */
import type RealtimeKitClient from '@cloudflare/realtimekit';
import { createHarness } from './harness';
import type { Harness, HarnessOptions } from './harnessTypes';
import { loadSdk } from './protoRegistry';

export type RealtimeKitMeeting = RealtimeKitClient;
export type RealtimeKitChat = RealtimeKitClient['chat'];
export type RealtimeKitHarness = Harness<RealtimeKitMeeting, RealtimeKitChat>;

export async function createRealtimeKitHarness(
  options: HarnessOptions = {},
): Promise<RealtimeKitHarness> {
  const { sdk, registry } = await loadSdk('realtimekit', () => import('@cloudflare/realtimekit'));
  const { setupStubs } = await import('@cloudflare/realtimekit/mock');
  return createHarness<RealtimeKitMeeting, RealtimeKitChat>(
    {
      kind: 'realtimekit',
      registry,
      setupStubs,
      init: (initOptions) => sdk.init(initOptions),
      extraRoutes: [],
      pinResponseCarriesMessage: true,
    },
    options,
  );
}
