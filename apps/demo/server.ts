/**
 * `pnpm start`: the dev server and the demo page in one process, from source.
 *
 *   node --conditions=natter-source --import tsx apps/demo/server.ts [--port 5173] [--data .data]
 *
 * Data (SQLite, uploads, the signing secret, the port last used) lives in `.data/` at the
 * repository root by default. Without `--port` the demo takes the port it had last time (5173 the
 * first time), so a restart comes back where open pages expect it. `--vite-cache` moves Vite's
 * dependency cache (tests).
 * Ctrl+C or SIGTERM closes the sockets, Vite and the database, then exits.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDemo } from './server/startDemo';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    'vite-cache': { type: 'string' },
  },
});
const port = values.port ?? process.env.PORT;
const dataDir = values.data
  ? resolve(values.data)
  : fileURLToPath(new URL('../../.data', import.meta.url));

const demo = await startDemo({
  dataDir,
  port: port === undefined ? undefined : Number(port),
  cacheDir: values['vite-cache'] ? resolve(values['vite-cache']) : undefined,
});

console.log(`
  Natter demo: ${demo.url}

  Open it, join with a name, then open it again in a second tab (or window) and join as
  someone else. Chat data is kept in ${dataDir}. Stop with Ctrl+C.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\n  Stopping the demo…');
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
