import type { ChatRateLimits } from '@natter/core';

/** Where the dev server reports what it does. Default: `console`, prefixed `[natter-dev]`. */
export interface DevServerLogger {
  info(message: string): void;
  warn(message: string, ...details: unknown[]): void;
}

/** What a participant may do beyond their own messages: a `host` may delete and pin anyone's. */
export type ParticipantPreset = 'host' | 'participant';

export interface DevServerOptions {
  /** TCP port; 0 picks a free one (read it back from `server.port`). Default 0. */
  port?: number;
  /** Interface to listen on. Default `'127.0.0.1'` (loopback only). */
  host?: string;
  /** Where the SQLite database (`natter.db`) and uploaded files (`files/`) live. Created if missing. */
  dataDir: string;
  /** Signs participant tokens and download URLs (HMAC-SHA256). At least 16 characters. */
  secret: string;
  /** Server-to-server credential: participants, session end and the Replay API need it. */
  apiKey: string;
  /** The Dyte organisation id expected as the Basic-auth user name. When unset, any user name is accepted. */
  orgId?: string;
  /** Lifetime of a `chat_download_url`. Default 10 minutes. */
  downloadUrlTtlMs?: number;
  /** Longest text message in UTF-16 code units, as the SDKs count. Default 2000. */
  maxTextLimit?: number;
  /** Sends allowed per user and session. Default `{ maxInvocations: 180, period: 60 }`, the SDKs' own. */
  rateLimits?: ChatRateLimits;
  /** Edits, deletes, pins and unpins allowed per user and session, together. Default `{ maxInvocations: 180, period: 60 }`. */
  changeRateLimits?: ChatRateLimits;
  /** `history` pages allowed per user and session. Default `{ maxInvocations: 120, period: 60 }`. */
  historyRateLimits?: ChatRateLimits;
  /** Joins (`hello`) allowed per user and session; past it, error `0013` and close 4429. Default `{ maxInvocations: 30, period: 60 }`. */
  joinRateLimits?: ChatRateLimits;
  /** Open WebSockets allowed in total; one more is refused (`too-many-connections`, close 4429). Default 1000. */
  maxConnections?: number;
  /** Open WebSockets allowed per user (tabs, devices); one more is refused like `maxConnections`. Default 10. */
  maxConnectionsPerUser?: number;
  /** A socket holding more unsent bytes than this (a client that stopped reading) is closed with 4408. Default 8 MiB. */
  maxBufferedBytes?: number;
  /** Largest upload in bytes. Default 10 MiB. */
  maxUploadBytes?: number;
  /** Bytes each participant may upload per session, deleted files included. Default 100 MiB. */
  uploadQuotaBytes?: number;
  /** Bytes everyone together may upload per session. Default 1 GiB. */
  sessionUploadQuotaBytes?: number;
  /** Accepted upload `Content-Type`s: exact (`image/png`) or a family (`image/*`). Default: {@link DEFAULT_UPLOAD_TYPES}. */
  allowedUploadTypes?: readonly string[];
  /** Receives `meeting.chatSynced` when a session ends. */
  webhookUrl?: string;
  /** Signs webhook bodies. Required with `webhookUrl`. */
  webhookSecret?: string;
  /** Origins allowed to call the browser-facing routes (uploads, files, dumps, open join). Default `'*'`. */
  corsOrigins?: '*' | readonly string[];
  logger?: DevServerLogger;
  /**
   * Local development only: `POST /v1/meetings/:meetingId/join` hands out `participant` tokens with a
   * fresh random user id to anyone, without the API key. Default false.
   */
  openJoin?: boolean;
  /** Participant token lifetime. Default 24 hours. */
  tokenTtlMs?: number;
  /** How long a session with nobody connected stays open before it ends by itself. Default 60 s. */
  sessionGraceMs?: number;
  /**
   * How many of the newest messages a join delivers in `messages`. Default 1000, as RealtimeKit. A
   * resume (`hello` with `lastSeq`) further back than this many changes is answered as a fresh join.
   */
  joinHistoryLimit?: number;
  /** Origin written into file links and download URLs. Default `http://<host>:<port>`. */
  publicUrl?: string;
  /** Largest WebSocket frame answered with an `error` frame; larger ones up to 1 MiB too, beyond that the socket closes (1009). Default 64 KiB. */
  maxFrameBytes?: number;
  /** WebSocket ping interval; a socket that misses a pong is dropped. Default 30 s. */
  heartbeatMs?: number;
}

export interface DevServer {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Stops listening, closes sockets with 1001 (going away), finishes pending writes and webhooks, closes the database. */
  close(): Promise<void>;
}

/** The upload types accepted by default. */
export const DEFAULT_UPLOAD_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/json',
  'application/octet-stream',
];

/** Options after defaults are applied. */
export type ResolvedOptions = Required<
  Omit<DevServerOptions, 'orgId' | 'webhookUrl' | 'webhookSecret' | 'publicUrl'>
> &
  Pick<DevServerOptions, 'orgId' | 'webhookUrl' | 'webhookSecret' | 'publicUrl'>;

/** What the routes and the chat hub share. */
export interface ServerContext {
  options: ResolvedOptions;
  logger: DevServerLogger;
  /** Origin for links: `publicUrl`, or the address the server listens on. */
  baseUrl(): string;
}

/** Ids the server accepts in paths and tokens (UUIDs and similar). */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;
