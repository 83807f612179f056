// `@natter/dev-server/client`: what a browser needs to talk to the dev server, and nothing that
// needs Node. The client and the wire protocol (frames, types, close codes) live once, in
// @natter/core's devChat module, which the server imports too, so the two cannot drift apart.
export {
  connectDevChat,
  createDevMeeting,
  uploadDevFile,
  DEV_CLOSE_SESSION_ENDED,
  DEV_CLOSE_TOO_MANY_CONNECTIONS,
  DEV_CLOSE_TOO_SLOW,
  DEV_CLOSE_UNAUTHORIZED,
} from '@natter/core';
export type {
  ConnectDevChatOptions,
  DevChat,
  DevChatControls,
  DevChatEvents,
  DevChatSocket,
  DevChatSocketConstructor,
  DevConnectionState,
  DevHello,
  DevPermissions,
  DevPermissionsPreset,
  DevRequest,
  DevSelf,
  DevServerFrame,
  DevWireMessage,
  UploadedFile,
} from '@natter/core';
