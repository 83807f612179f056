import { createHmac } from 'node:crypto';
import { safeEqual } from './createTokenSigner';
import type { DevServerLogger } from './types';

/** Header with the signature: `v1=<hex HMAC-SHA256(webhookSecret, "<timestamp>.<raw body>")>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'natter-webhook-signature';
/** Header with the signing time, epoch milliseconds. */
export const WEBHOOK_TIMESTAMP_HEADER = 'natter-webhook-timestamp';

function sign(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Checks a received webhook: the signature over the exact raw body, and a timestamp no older than
 * `toleranceMs` (default 5 minutes) so a captured request cannot be replayed later.
 *
 * @example
 * ```ts
 * const ok = verifyWebhookSignature({
 *   body: rawBody,
 *   timestamp: req.headers['natter-webhook-timestamp'],
 *   signature: req.headers['natter-webhook-signature'],
 *   secret: process.env.NATTER_WEBHOOK_SECRET,
 * });
 * ```
 */
export function verifyWebhookSignature(input: {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  secret: string;
  toleranceMs?: number;
  now?: number;
}): boolean {
  const { body, timestamp, signature, secret, toleranceMs = 5 * 60_000, now = Date.now() } = input;
  if (!timestamp || !/^\d{1,16}$/.test(timestamp) || !signature?.startsWith('v1=')) return false;
  if (Math.abs(now - Number(timestamp)) > toleranceMs) return false;
  const given = signature.slice(3);
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return safeEqual(Buffer.from(given, 'hex'), Buffer.from(sign(secret, timestamp, body), 'hex'));
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 5000;

/** POSTs signed JSON events to one URL, with retries; `close()` aborts what is still pending. */
export function createWebhookSender(url: string, secret: string, logger: DevServerLogger) {
  const controller = new AbortController();
  const pending = new Set<Promise<void>>();

  async function deliver(payload: object): Promise<void> {
    const body = JSON.stringify(payload);
    for (let attempt = 1; attempt <= ATTEMPTS && !controller.signal.aborted; attempt++) {
      const timestamp = String(Date.now());
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
            [WEBHOOK_SIGNATURE_HEADER]: `v1=${sign(secret, timestamp, body)}`,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([controller.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        });
        await response.body?.cancel();
        if (response.ok) return;
        logger.warn(`webhook answered ${response.status} (attempt ${attempt}/${ATTEMPTS})`);
      } catch (error) {
        if (controller.signal.aborted) return;
        logger.warn(`webhook failed (attempt ${attempt}/${ATTEMPTS}): ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 4 ** (attempt - 1)).unref());
    }
  }

  return {
    send(payload: object): void {
      const delivery = deliver(payload).finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    /** Waits up to `graceMs` for deliveries in flight, then aborts the rest. */
    async close(graceMs = 1000): Promise<void> {
      const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.all(pending), timer]);
      controller.abort();
      await Promise.all(pending);
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
