/**
 * The demo's port: remembered per data directory, and when the remembered one is taken, a free one
 * instead (remembered in turn) rather than a failed start. Real servers on loopback.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startDemo } from '../server/startDemo';

const dir = mkdtempSync(join(tmpdir(), 'natter-demo-port-'));
const blockers: Server[] = [];

afterAll(async () => {
  for (const server of blockers) await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('falls back to a free port when the remembered one is taken, and remembers that one', async () => {
  const blocker = createServer();
  blockers.push(blocker);
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = (blocker.address() as AddressInfo).port;
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'demo-port'), `${taken}\n`);

  const logged: string[] = [];
  const demo = await startDemo({
    dataDir,
    cacheDir: join(dir, 'vite-cache'),
    watch: false,
    log: (message) => logged.push(message),
  });
  try {
    const port = Number(new URL(demo.url).port);
    expect(port).not.toBe(taken);
    expect(logged).toContain(`port ${taken} is busy; using a free port`);
    expect(readFileSync(join(dataDir, 'demo-port'), 'utf8').trim()).toBe(String(port));
    // The page and the proxied chat backend answer on it.
    expect((await fetch(demo.url)).status).toBe(200);
    const health = await fetch(`${demo.url}/v1/meetings/x/join`, { method: 'POST' });
    expect(health.status).toBe(404); // the dev server's own answer (open join is off)
    expect(await health.json()).toMatchObject({ error: { code: 'not-found' } });
  } finally {
    await demo.close();
  }
}, 60_000);
