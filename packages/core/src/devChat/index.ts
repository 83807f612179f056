export { connectDevChat } from './connectDevChat';
export { createDevMeeting } from './createDevMeeting';
export type { DevPermissionsPreset } from './createDevPermissions';
export type { ConnectDevChatOptions, DevChat, DevChatEvents } from './DevChat';
export type {
  DevChatSocket,
  DevChatSocketConstructor,
  DevConnectionState,
} from './createDevConnection';
export type {
  DevChatControls,
  DevEvent,
  DevPermissions,
  DevHello,
  DevParticipant,
  DevRequest,
  DevSelf,
  DevServerFrame,
  DevWireMessage,
} from './devChatProtocol';
export { uploadDevFile } from './uploadDevFile';
export type { UploadedFile } from './uploadDevFile';
