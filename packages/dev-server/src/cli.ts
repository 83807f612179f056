#!/usr/bin/env node
/**
 * Runs the dev server from the command line:
 *
 *   node --import tsx packages/dev-server/src/cli.ts --port 8787 --data .data [--open-join]
 *
 * Flags (environment fallbacks in brackets): --port (0), --host (127.0.0.1), --data (.data),
 * --secret [NATTER_DEV_SECRET], --api-key [NATTER_DEV_API_KEY], --org-id [NATTER_DEV_ORG_ID],
 * --open-join, --max-text, --rate-limit N/SECONDS, --history-rate-limit N/SECONDS, --max-upload-bytes, --download-ttl-ms, --max-connections,
 * --webhook-url, --webhook-secret [NATTER_DEV_WEBHOOK_SECRET], --quiet.
 * Without a secret or API key, random ones are made for this run (the key is printed).
 * Prints `natter dev server: <url>` on stdout once listening; stops on SIGINT / SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

// Run from source (through tsx), resolve workspace packages to their sources too, as the tests and
// benchmarks do with `--conditions=natter-source`, so nothing needs building first.
if (
  import.meta.url.endsWith('.ts') &&
  !process.execArgv.some((arg) => arg.includes('natter-source'))
) {
  const hook = `export function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: [...context.conditions, 'natter-source'] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
const { createDevServer } = await import('./createDevServer');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.data' },
    secret: { type: 'string' },
    'api-key': { type: 'string' },
    'org-id': { type: 'string' },
    'open-join': { type: 'boolean', default: false },
    'max-text': { type: 'string' },
    'rate-limit': { type: 'string' },
    'history-rate-limit': { type: 'string' },
    'max-upload-bytes': { type: 'string' },
    'download-ttl-ms': { type: 'string' },
    'max-connections': { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const number = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);
const env = process.env;
const apiKey = values['api-key'] ?? env.NATTER_DEV_API_KEY;
const generatedKey = apiKey === undefined ? randomBytes(18).toString('base64url') : undefined;
/** `N/SECONDS` → rate limits, or undefined for the default. */
function limits(value: string | undefined) {
  const [maxInvocations, period] = (value ?? '').split('/').map(Number);
  return maxInvocations && period ? { maxInvocations, period } : undefined;
}

const server = await createDevServer({
  port: Number(values.port),
  host: values.host,
  dataDir: resolve(values.data),
  secret: values.secret ?? env.NATTER_DEV_SECRET ?? randomBytes(32).toString('base64url'),
  apiKey: apiKey ?? generatedKey ?? '',
  orgId: values['org-id'] ?? env.NATTER_DEV_ORG_ID,
  openJoin: values['open-join'],
  maxTextLimit: number(values['max-text']),
  rateLimits: limits(values['rate-limit']),
  historyRateLimits: limits(values['history-rate-limit']),
  maxUploadBytes: number(values['max-upload-bytes']),
  downloadUrlTtlMs: number(values['download-ttl-ms']),
  maxConnections: number(values['max-connections']),
  webhookUrl: values['webhook-url'],
  webhookSecret: values['webhook-secret'] ?? env.NATTER_DEV_WEBHOOK_SECRET,
  logger: values.quiet
    ? { info: () => undefined, warn: (m: string) => console.warn(m) }
    : undefined, // resolveOptions falls back to the console logger
}).catch((error: unknown) => {
  // A readable message (the missing better-sqlite3 binding names its fix), not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log(`natter dev server: ${server.url}`);
if (generatedKey) console.log(`API key for this run: ${generatedKey}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
