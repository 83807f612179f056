/**
 * The preset side of the harness server: a host changing what the local participant may do.
 *
 * Both SDKs listen for socket event `(5 << 16) + 1` (`updateUserPreset` in RealtimeKit 2.0.2's
 * `Gc = wc(HI = 5, WI)` and Dyte 3.1.11's `fd` table) carrying a
 * `socket.preset.UpdatePeersPresetResponse`. For each entry whose `userIds` is the local user id,
 * the SDK merges `patch.chat.public` / `patch.chat.private` into its preset's objects in place,
 * then the preset emits `chatUpdate` and `permissionsUpdate`. The harness sends exactly that frame,
 * encoded with the SDK's own protobuf type, so the SDK's own socket handling does the rest.
 */
import type { ProtoRegistry } from './protoRegistry';
import type { SocketServer } from './socketServer';

export const PRESET_EVENTS = { updateUserPreset: (5 << 16) + 1 } as const;

/** A host's change to the chat part of a preset (camelCase, as the SDK's protobuf type has it). */
export interface ChatPermissionsPatch {
  public?: Partial<Record<'canSend' | 'text' | 'files', boolean>>;
  private?: Partial<Record<'canSend' | 'canReceive' | 'text' | 'files', boolean>>;
}

/** Broadcasts a preset change for `userId` through the socket, as the real server does. */
export function sendPresetUpdate(
  socket: SocketServer,
  registry: ProtoRegistry,
  userId: string,
  chat: ChatPermissionsPatch,
): void {
  const type = registry.get('socket.preset.UpdatePeersPresetResponse');
  const payload = type.toBinary(
    type.create({ updatePeersPresets: [{ userIds: userId, patch: { chat } }] }),
  );
  socket.broadcast(PRESET_EVENTS.updateUserPreset, payload);
}
