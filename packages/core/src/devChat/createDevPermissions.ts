import { createEmitter } from '../localChat/createEmitter';
import type { DevChatControls, DevPermissions } from './devChatProtocol';

/** Until the server says otherwise (servers before host controls): everything allowed. */
const OPEN: DevPermissions = {
  chatPublic: { canSend: true, text: true, files: true },
  chatPrivate: { canSend: true, canReceive: true, text: true, files: true },
  chatMessages: { edit: 'own', delete: 'own', pin: 'own' },
  controls: { chat: true, files: true, privateChat: true },
};

export interface DevPermissionsEvents {
  chatUpdate: undefined;
  permissionsUpdate: Partial<DevPermissions>;
}

/**
 * `chat.self.permissions` of the dev chat, shaped like the SDKs' `PermissionPreset`: the same
 * `chatPublic` / `chatPrivate` objects for the whole connection, updated in place when the host
 * changes the room's controls, then `chatUpdate` and `permissionsUpdate` are emitted (as
 * RealtimeKit does). `chatMessages` carries the server's rule for edit, delete and pin.
 */
export interface DevPermissionsPreset {
  readonly chatPublic: Readonly<DevPermissions['chatPublic']>;
  readonly chatPrivate: Readonly<DevPermissions['chatPrivate']>;
  readonly chatMessages: Readonly<DevPermissions['chatMessages']>;
  /** The room's controls as the host set them. */
  readonly controls: Readonly<DevChatControls>;
  on(event: keyof DevPermissionsEvents, listener: (patch: never) => void): DevPermissionsPreset;
  off(event: keyof DevPermissionsEvents, listener: (patch: never) => void): DevPermissionsPreset;
  listenerCount(event: keyof DevPermissionsEvents): number;
}

export function createDevPermissions(): {
  preset: DevPermissionsPreset;
  apply(next: DevPermissions | undefined): void;
} {
  const emitter = createEmitter<DevPermissionsEvents>();
  const state: DevPermissions = {
    chatPublic: { ...OPEN.chatPublic },
    chatPrivate: { ...OPEN.chatPrivate },
    chatMessages: { ...OPEN.chatMessages },
    controls: { ...OPEN.controls },
  };
  const preset: DevPermissionsPreset = {
    get chatPublic() {
      return state.chatPublic;
    },
    get chatPrivate() {
      return state.chatPrivate;
    },
    get chatMessages() {
      return state.chatMessages;
    },
    get controls() {
      return state.controls;
    },
    on: (event, listener) => (emitter.on(event, listener as never), preset),
    off: (event, listener) => (emitter.off(event, listener as never), preset),
    listenerCount: (event) => emitter.listenerCount(event),
  };
  return {
    preset,
    apply(next) {
      if (!next) return;
      const patch: Partial<DevPermissions> = {};
      for (const key of ['chatPublic', 'chatPrivate', 'chatMessages', 'controls'] as const) {
        const target = state[key] as Record<string, unknown>;
        const source = next[key] as Record<string, unknown> | undefined;
        if (!source) continue;
        if (Object.keys(source).some((k) => target[k] !== source[k])) {
          Object.assign(target, source);
          (patch as Record<string, unknown>)[key] = { ...source };
        }
      }
      if (Object.keys(patch).length === 0) return;
      if (patch.chatPublic || patch.chatPrivate) emitter.emit('chatUpdate', undefined);
      emitter.emit('permissionsUpdate', patch);
    },
  };
}
