// Plain Node ESM installs the packed tarballs with npm (better-sqlite3 built by npm's install
// script), imports @natter/core, /server, /testing and @natter/dev-server, and runs the dev server
// from its bin with `npx`: a participant joins, a message round-trips, the Replay API serves the CSV.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeApp, run, start } from './helpers';

let app: string;
beforeAll(async () => {
  app = await makeApp('node-app', 'node-app', {
    natter: ['core', 'dev-server'],
    dependencies: { ws: '^8.18.0' },
  });
});

describe('plain Node ESM, from the packed tarballs', () => {
  it('imports every entry point and runs the dev server with npx', async () => {
    const apiKey = 'consumer-test-api-key';
    const orgId = 'consumer-org';
    const server = await start(
      'npx',
      ['natter-dev-server', '--port', '0', '--data', mkdtempSync(join(tmpdir(), 'natter-data-'))],
      app,
      /natter dev server: (http:\/\/127\.0\.0\.1:\d+)/,
      {
        NATTER_DEV_API_KEY: apiKey,
        NATTER_DEV_ORG_ID: orgId,
        NATTER_DEV_SECRET: 'consumer-test-secret-0123456789',
      },
    );
    try {
      const url = server.match[1] ?? '';
      const { output } = await run('node', ['check.mjs', url, apiKey, orgId], app);
      const seen = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
      expect(seen.exports).toEqual({
        core: 'function',
        coreCsv: 'function',
        connectDevChat: 'function',
        server: 'function',
        testing: 'function',
        conformance: 'function',
        devServer: 'function',
      });
      const text = expect.stringMatching(/^hello from plain Node \d+$/);
      expect(seen.roundTrip).toEqual({ from: 'Ada Lovelace', text });
      expect(seen.replayApi).toEqual([{ name: 'Ada Lovelace', text }]);
      expect(seen.handler).toEqual({ refused: 403, status: 200, hasText: true });
    } finally {
      server.stop();
    }
  });
});
