import type { ChatRateLimits } from '@natter/core';
import { DEFAULT_UPLOAD_TYPES } from './types';
import type { DevServerLogger, DevServerOptions, ResolvedOptions } from './types';

const consoleLogger: DevServerLogger = {
  info: (message) => console.log(`[natter-dev] ${message}`),
  warn: (message, ...details) => console.warn(`[natter-dev] ${message}`, ...details),
};

function limits(name: string, value: ChatRateLimits | undefined, fallback: ChatRateLimits) {
  const result = value ?? fallback;
  positive(`${name}.maxInvocations`, result.maxInvocations, 1);
  positive(`${name}.period`, result.period, 1);
  return { maxInvocations: result.maxInvocations, period: result.period };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) {
    throw new TypeError(`createDevServer: \`${name}\` must be a positive number.`);
  }
  return result;
}

/** The SDKs' own send limit: 180 per 60 s. */
const SDK_RATE_LIMITS: ChatRateLimits = { maxInvocations: 180, period: 60 };

/** Applies defaults and refuses unusable options at start-up rather than at the first request. */
export function resolveOptions(options: DevServerOptions): ResolvedOptions {
  if (typeof options.dataDir !== 'string' || options.dataDir === '') {
    throw new TypeError('createDevServer: `dataDir` is required.');
  }
  if (typeof options.secret !== 'string' || options.secret.length < 16) {
    throw new TypeError('createDevServer: `secret` must be at least 16 characters.');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('createDevServer: `apiKey` is required.');
  }
  if (options.webhookUrl !== undefined && !options.webhookSecret) {
    throw new TypeError('createDevServer: `webhookSecret` is required with `webhookUrl`.');
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError('createDevServer: `port` must be an integer from 0 to 65535.');
  }
  return {
    ...options,
    port,
    host: options.host ?? '127.0.0.1',
    downloadUrlTtlMs: positive('downloadUrlTtlMs', options.downloadUrlTtlMs, 10 * 60_000),
    maxTextLimit: positive('maxTextLimit', options.maxTextLimit, 2000),
    rateLimits: limits('rateLimits', options.rateLimits, SDK_RATE_LIMITS),
    changeRateLimits: limits('changeRateLimits', options.changeRateLimits, SDK_RATE_LIMITS),
    historyRateLimits: limits('historyRateLimits', options.historyRateLimits, {
      maxInvocations: 120,
      period: 60,
    }),
    joinRateLimits: limits('joinRateLimits', options.joinRateLimits, {
      maxInvocations: 30,
      period: 60,
    }),
    maxConnections: positive('maxConnections', options.maxConnections, 1000),
    maxConnectionsPerUser: positive('maxConnectionsPerUser', options.maxConnectionsPerUser, 10),
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes, 8 * 1024 * 1024),
    maxUploadBytes: positive('maxUploadBytes', options.maxUploadBytes, 10 * 1024 * 1024),
    uploadQuotaBytes: positive('uploadQuotaBytes', options.uploadQuotaBytes, 100 * 1024 * 1024),
    sessionUploadQuotaBytes: positive(
      'sessionUploadQuotaBytes',
      options.sessionUploadQuotaBytes,
      1024 * 1024 * 1024,
    ),
    allowedUploadTypes: options.allowedUploadTypes ?? DEFAULT_UPLOAD_TYPES,
    corsOrigins: options.corsOrigins ?? '*',
    logger: options.logger ?? consoleLogger,
    openJoin: options.openJoin ?? false,
    tokenTtlMs: positive('tokenTtlMs', options.tokenTtlMs, 24 * 3600_000),
    sessionGraceMs: positive('sessionGraceMs', options.sessionGraceMs, 60_000),
    joinHistoryLimit: positive('joinHistoryLimit', options.joinHistoryLimit, 1000),
    maxFrameBytes: positive('maxFrameBytes', options.maxFrameBytes, 64 * 1024),
    heartbeatMs: positive('heartbeatMs', options.heartbeatMs, 30_000),
  };
}
