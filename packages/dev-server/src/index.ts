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
  DEV_CLOSE_SESSION_ENDED as CLOSE_SESSION_ENDED,
  DEV_CLOSE_TOO_SLOW as CLOSE_TOO_SLOW,
  DEV_CLOSE_UNAUTHORIZED as CLOSE_UNAUTHORIZED,
} from '@natter/core';
export type { ClientFrame } from './parseClientFrame';
export type { ProtocolErrorCode } from './handleChatRequest';
export type { WireMessage } from './toWireMessage';
