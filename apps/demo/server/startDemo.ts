import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { createDevServer } from '@natter/dev-server';
import type { DevServer, DevServerOptions } from '@natter/dev-server';
import { createLogger, createServer as createViteServer, defaultClientConditions } from 'vite';
import type { Logger, ViteDevServer } from 'vite';
import { createApiRoutes } from './createApiRoutes';

export interface DemoOptions {
  /** Where the dev server keeps its SQLite database, uploads and the demo's secret. */
  dataDir: string;
  /**
   * The page's port; 0 picks a free one. Default: the port this data directory had last time, else
   * 5173; when that one is taken, a free one (and that is remembered for next time).
   */
  port?: number;
  /**
   * The dev server's own port, which browsers never see: the page's server proxies `/v1/*` (chat
   * WebSocket, uploads, files, chat dumps) to it, so the chat lives at the page's origin and
   * survives a restart with the page's port. Default 0 (any free port; kept across
   * `restartDevServer`).
   */
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
  /** The dev server's own origin (the page reaches it through `url`'s `/v1/*`). */
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

/**
 * Vite's logger, minus the stack traces its proxy prints when a tab closes mid-stream or the chat
 * backend restarts: those are expected here (one line in the demo's log instead).
 */
function quietProxyLogger(log: (message: string) => void): Logger {
  const logger = createLogger('warn');
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    const text = stripVTControlCharacters(message);
    const proxy = /^(ws|http) proxy (socket )?error/.exec(text);
    if (!proxy) return error(message, options);
    const cause = text.split('\n')[1]?.trim() ?? '';
    if (!/ECONNRESET|EPIPE/.test(cause)) log(`chat proxy: ${cause}`);
  };
  return logger;
}

/** The page's port from the last run over this data directory, if any. */
function rememberedPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(join(dataDir, 'demo-port'), 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

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
  // The page's server first: the dev server's links (files, chat dumps) point at its origin.
  const starting = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' });
    res.end('The demo is starting.');
  };
  const http = createServer(starting);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, HOST, () => {
        http.off('error', reject);
        resolve();
      });
    });
  const wanted = options.port ?? rememberedPort(options.dataDir) ?? 5173;
  await listen(wanted).catch((error: NodeJS.ErrnoException) => {
    // The remembered or default port is taken (another app, another demo): any free one instead.
    if (error.code !== 'EADDRINUSE' || options.port !== undefined) throw error;
    log(`port ${wanted} is busy; using a free port`);
    return listen(0);
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}`;
  writeFileSync(join(options.dataDir, 'demo-port'), `${port}\n`);

  devOptions.publicUrl ??= url;
  let dev: DevServer;
  try {
    dev = await createDevServer(devOptions);
  } catch (error) {
    http.close();
    throw error;
  }
  // Restarts come back on the same port, so the proxy's target stays right. (`dev.url` is the
  // public one, the page's origin.)
  devOptions.port = dev.port;
  const devServerUrl = `http://${HOST}:${dev.port}`;
  let vite: ViteDevServer;
  try {
    vite = await createViteServer({
      root,
      configFile: false,
      logLevel: 'warn',
      customLogger: quietProxyLogger(log),
      clearScreen: false,
      cacheDir: options.cacheDir ?? join(root, 'node_modules/.vite'),
      appType: 'spa',
      resolve: { conditions: ['natter-source', ...defaultClientConditions] },
      // Pre-bundle the lazily imported CSV parser too, so the first export does not make Vite
      // re-optimize and reload the page.
      optimizeDeps: { include: ['@natter/core > papaparse'] },
      server: {
        middlewareMode: { server: http },
        hmr: { server: http },
        // The chat backend at the page's origin: one port for browsers to find again.
        proxy: { '/v1': { target: devServerUrl, ws: true } },
        watch: options.watch === false ? null : undefined, // null turns Vite's watcher off
      },
    });
  } catch (error) {
    http.close();
    await dev.close();
    throw error;
  }

  const api = createApiRoutes({
    devServerUrl: () => devServerUrl,
    chatUrl: () => url,
    apiKey,
    orgId,
    cookieSecret: secret,
    log,
  });
  http.off('request', starting);
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

  let closing: Promise<void> | undefined;
  return {
    url,
    devServerUrl,
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
