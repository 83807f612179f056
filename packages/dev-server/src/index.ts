export { createDevServer } from './createDevServer';
export { DEFAULT_UPLOAD_TYPES } from './types';
export type { DevServer, DevServerLogger, DevServerOptions, ParticipantPreset } from './types';
export {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from './createWebhookSender';
export type { ClientFrame } from './parseClientFrame';
export type { ProtocolErrorCode } from './handleChatRequest';
export type { WireMessage } from './toWireMessage';
