import type { DevChatControls, DevPermissions } from '@natter/core';
import type { ParticipantPreset } from './types';

export const OPEN_CONTROLS: DevChatControls = { chat: true, files: true, privateChat: true };

/**
 * One participant's permissions under the room's controls, in the SDKs' shape. Hosts keep every
 * permission (they set the controls); participants get what the host allows. Edits are the
 * author's; deletes and pins the author's or a host's (the same rule `findOwned` enforces).
 */
export function permissionsFor(
  controls: DevChatControls,
  preset: ParticipantPreset,
): DevPermissions {
  const host = preset === 'host';
  const send = host || controls.chat;
  const files = send && (host || controls.files);
  const privateSend = send && (host || controls.privateChat);
  return {
    chatPublic: { canSend: send, text: send, files },
    chatPrivate: {
      canSend: privateSend,
      canReceive: true,
      text: privateSend,
      files: privateSend && files,
    },
    chatMessages: { edit: 'own', delete: host ? 'any' : 'own', pin: host ? 'any' : 'own' },
    controls: { ...controls },
  };
}

/** Why a send is refused under these permissions, or undefined when it is allowed. */
export function sendRefusal(
  permissions: DevPermissions,
  isPrivate: boolean,
  kind: 'text' | 'file',
): string | undefined {
  const scope = isPrivate ? permissions.chatPrivate : permissions.chatPublic;
  if (!permissions.controls.chat && !scope.canSend) return 'The host has turned off chat.';
  if (isPrivate && !scope.canSend) return 'The host has turned off private messages.';
  if (!scope.canSend) return 'You may not send messages here.';
  if (kind === 'file' && !scope.files) return 'The host has turned off files.';
  if (kind === 'text' && !scope.text) return 'Only files may be sent here.';
  return undefined;
}
