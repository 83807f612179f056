import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDevServer } from '@natter/dev-server';
import type { DevServer, DevServerOptions } from '@natter/dev-server';
import { createServer as createViteServer, defaultClientConditions } from 'vite';
import { createApiRoutes } from './createApiRoutes';

export interface DemoOptions {
  /** Where the dev server keeps its SQLite database, uploads and the demo's secret. */
  dataDir: string;
  /** The page's port; 0 picks a free one. Default 5173. */
  port?: number;
  /** The dev server's port; 0 picks a free one (kept across `restartDevServer`). Default 0. */
  devServerPort?: number;
  /** Vite's dependency cache. Default: `node_modules/.vite` of the demo. */
  cacheDir?: string;
  /** Watch the demo's sources for hot reload. Default true. */
  watch?: boolean;
  /** Extra dev server options (tests shorten timers). */
  devServer?: Partial<DevServerOptions>;
  log?: (message: string) => void;
}

export interface DemoServer {
  /** The page to open: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The dev server's origin (chat WebSocket, uploads, Replay API). */
  readonly devServerUrl: string;
  /**
   * Stops the dev server and starts it again on the same port and data (a crash and restart).
   * `whileDown` runs in between (tests act while the chat backend is away).
   */
  restartDevServer(whileDown?: () => Promise<void>): Promise<void>;
  /** Stops everything: sockets, Vite, the dev server. Idempotent. */
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';

/** The demo's signing secret, made once per data directory so tokens survive restarts. */
function secretIn(dataDir: string): string {
  const file = join(dataDir, 'demo-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Starts the demo in one process: the dev server (chat backend), and one HTTP server with the
 * app's API routes (`/api/join`, `/api/chat-replay`) in front of Vite in middleware mode, which
 * serves the React page from source (no build step).
 */
export async function startDemo(options: DemoOptions): Promise<DemoServer> {
  const log = options.log ?? ((message: string) => console.log(`[demo] ${message}`));
  const secret = secretIn(options.dataDir);
  // Server-side credentials: fresh each run, they never reach the browser.
  const apiKey = randomBytes(24).toString('base64url');
  const orgId = 'natter-demo';
  const devOptions: DevServerOptions = {
    dataDir: options.dataDir,
    secret,
    apiKey,
    orgId,
    host: HOST,
    port: options.devServerPort ?? 0,
    logger: { info: (m) => log(`dev server: ${m}`), warn: (m) => log(`dev server: ${m}`) },
    ...options.devServer,
  };
  let dev: DevServer = await createDevServer(devOptions);
  // Restarts come back on the same port, so connected pages reconnect to the same URL.
  devOptions.port = dev.port;

  const api = createApiRoutes({
    devServerUrl: () => dev.url,
    apiKey,
    orgId,
    cookieSecret: secret,
    log,
  });
  const http = createServer();
  const vite = await createViteServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    cacheDir: options.cacheDir ?? join(root, 'node_modules/.vite'),
    appType: 'spa',
    resolve: { conditions: ['natter-source', ...defaultClientConditions] },
    // Pre-bundle the lazily imported CSV parser too, so the first export does not make Vite
    // re-optimize and reload the page.
    optimizeDeps: { include: ['@natter/core > papaparse'] },
    server: {
      middlewareMode: true,
      hmr: { server: http },
      ...(options.watch === false ? { watch: null } : {}),
    },
  });
  http.on('request', (req, res) => {
    api(req, res)
      .then((handled) => {
        if (!handled) vite.middlewares(req, res);
      })
      .catch((error: unknown) => {
        log(`${req.method} ${req.url} failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal error');
      });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, HOST, () => {
        http.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(options.port ?? 5173).catch((error: NodeJS.ErrnoException) => {
      // The default port is taken (another app, another demo): take any free one instead.
      if (error.code !== 'EADDRINUSE' || options.port !== undefined) throw error;
      log('port 5173 is busy; using a free port');
      return listen(0);
    });
  } catch (error) {
    await vite.close();
    await dev.close();
    throw error;
  }
  const url = `http://${HOST}:${(http.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    get devServerUrl() {
      return dev.url;
    },
    async restartDevServer(whileDown) {
      await dev.close();
      try {
        await whileDown?.();
      } finally {
        dev = await createDevServer(devOptions);
      }
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeAllConnections();
        await vite.close();
        await stopped;
        await dev.close();
      })();
      return closing;
    },
  };
}
