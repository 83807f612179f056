/** The error shape the SDKs throw: `name: 'ClientError'`, a bare four-digit `code`. */
export interface ClientErrorLike extends Error {
  /** Four digits without the `ERR` prefix, e.g. `'0503'`, exactly as RealtimeKit / Dyte set it. */
  code: string;
}

const DESCRIPTIONS: Record<string, string> = {
  '0012': 'Websocket Network Error',
  '0013': 'Rate Limited',
  '0500': 'Internal exception',
  '0502': 'Invalid message body.',
  '0503': 'Text Message is too large',
  '0504': 'Message not found by the given id',
  '0506': 'Message search is disabled',
};

/**
 * Builds an error the way the SDKs' `ClientError` does: `code` is `'0503'` (no prefix) and the
 * message reads `[ERR0503]: {Chat} Text Message is too large\nMax character limit breached`.
 */
export function createClientError(code: string, detail: string): ClientErrorLike {
  const module = code.startsWith('00') ? 'Client' : 'Chat';
  const error = new Error(
    `[ERR${code}]: {${module}} ${DESCRIPTIONS[code] ?? ''}\n${detail}`,
  ) as ClientErrorLike;
  error.name = 'ClientError';
  error.code = code;
  return error;
}
