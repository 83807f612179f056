export { connectDevChat } from './connectDevChat';
export type { ConnectDevChatOptions, DevChat, DevChatEvents } from './DevChat';
export type {
  DevChatSocket,
  DevChatSocketConstructor,
  DevConnectionState,
} from './createDevConnection';
export type {
  DevEvent,
  DevHello,
  DevParticipant,
  DevRequest,
  DevSelf,
  DevServerFrame,
  DevWireMessage,
} from './devChatProtocol';
export { uploadDevFile } from './uploadDevFile';
export type { UploadedFile } from './uploadDevFile';
