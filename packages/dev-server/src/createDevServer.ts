import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RouteContext } from './RouteContext';
import { createChatHub } from './createChatHub';
import { createFileStore } from './createFileStore';
import { createHttpHandler } from './createHttpHandler';
import { createMessageStore } from './createMessageStore';
import { createTokenSigner } from './createTokenSigner';
import { createWebhookSender } from './createWebhookSender';
import { openDatabase } from './openDatabase';
import { resolveOptions } from './resolveOptions';
import type { DevServer, DevServerOptions, ServerContext } from './types';

/** Frames beyond this close the socket (1009) inside `ws`; smaller oversized ones get an `error` frame. */
const HARD_MAX_PAYLOAD = 1024 * 1024;

function origin(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/**
 * Starts the embedded backend: realtime chat over WebSocket (`/v1/ws`), participant tokens, uploads,
 * the Chat Replay API with signed expiring CSV URLs and the `meeting.chatSynced` webhook, all on one
 * port, with history in SQLite under `dataDir` so a restart loses nothing.
 *
 * @example
 * ```ts
 * const server = await createDevServer({ dataDir: '.data', secret: 'a long random secret', apiKey: 'dev-key', openJoin: true });
 * console.log(server.url); // http://127.0.0.1:53412
 * await server.close();
 * ```
 */
export async function createDevServer(input: DevServerOptions): Promise<DevServer> {
  const options = resolveOptions(input);
  const logger = options.logger;
  const db = openDatabase(options.dataDir);
  const store = createMessageStore(db);
  const files = createFileStore(db, options.dataDir);
  const signer = createTokenSigner(options.secret);
  const webhook =
    options.webhookUrl && options.webhookSecret
      ? createWebhookSender(options.webhookUrl, options.webhookSecret, logger)
      : undefined;
  let base = '';
  const context: ServerContext = { options, logger, baseUrl: () => base };

  function downloadLink(sessionId: string): { url: string; expiresAt: Date } {
    const expires = Date.now() + options.downloadUrlTtlMs;
    const signature = signer.signDownload(sessionId, expires);
    const path = `/v1/sessions/${encodeURIComponent(sessionId)}/chat.csv`;
    return {
      url: `${base}${path}?expires=${expires}&signature=${signature}`,
      expiresAt: new Date(expires),
    };
  }

  const hub = createChatHub({
    context,
    store,
    files,
    onSessionEnded(session) {
      logger.info(`session ${session.id} of meeting ${session.meeting_id} ended`);
      if (!webhook) return;
      const link = downloadLink(session.id);
      webhook.send({
        event: 'meeting.chatSynced',
        meeting: {
          id: session.meeting_id,
          sessionId: session.id,
          status: 'ENDED',
          createdAt: new Date(session.created_at).toISOString(),
          startedAt: new Date(session.created_at).toISOString(),
          endedAt: new Date(session.ended_at ?? Date.now()).toISOString(),
        },
        chatDownloadUrl: link.url,
        chatDownloadUrlExpiry: link.expiresAt.toISOString(),
      });
    },
  });
  const routes: RouteContext = { ...context, store, files, hub, signer, downloadLink };
  const server = createServer(createHttpHandler(routes));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: HARD_MAX_PAYLOAD,
    perMessageDeflate: false,
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://dev-server.invalid');
    const browserOrigin = req.headers.origin;
    const originRefused =
      options.corsOrigins !== '*' &&
      browserOrigin !== undefined &&
      !options.corsOrigins.includes(browserOrigin);
    if (url.pathname !== '/v1/ws' || originRefused) {
      socket.end(
        `HTTP/1.1 ${originRefused ? '403 Forbidden' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    const claims = signer.verifyParticipant(url.searchParams.get('token') ?? '', Date.now());
    wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws, claims));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  base = options.publicUrl?.replace(/\/+$/, '') ?? origin(options.host, port);
  logger.info(`listening on ${base}`);

  let closing: Promise<void> | undefined;
  return {
    url: base,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await hub.close();
        wss.close();
        server.closeAllConnections();
        await stopped;
        await webhook?.close();
        db.close();
      })();
      return closing;
    },
  };
}
