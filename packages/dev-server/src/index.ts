export { createDevServer } from './createDevServer';
export { DEFAULT_UPLOAD_TYPES } from './types';
export type { DevServer, DevServerLogger, DevServerOptions, ParticipantPreset } from './types';
export {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from './createWebhookSender';
export { contentDisposition, sanitizeFileName } from './contentDisposition';
export {
  CLOSE_SESSION_ENDED,
  CLOSE_TOO_MANY_CONNECTIONS,
  CLOSE_TOO_SLOW,
  CLOSE_UNAUTHORIZED,
} from './closeCodes';
export type { ClientFrame } from './parseClientFrame';
export type { ProtocolErrorCode } from './handleChatRequest';
export type { WireMessage } from './toWireMessage';
