'use client';
import { useSyncExternalStore } from 'react';
import type { ChatPermissions } from '@natter/core';
import { useMeetingStore, noSubscribe } from './useMeetingStore';
import type { MeetingHookOptions } from './useMeetingStore';
import { useSelfUserId } from './useSelfUserId';

/** A message action the rules govern. */
export type MessageAction = 'edit' | 'delete' | 'pin' | 'unpin';

export interface UseChatPermissionsResult extends ChatPermissions {
  /** True when the provider was given a `meeting` (else everything is allowed, as for a bare chat). */
  isMeeting: boolean;
  /** May the local participant send to this audience at all (`peerIds` set: privately)? */
  canSend(audience?: 'everyone' | 'private'): boolean;
  /** May they send text / files to this audience? */
  canSendText(audience?: 'everyone' | 'private'): boolean;
  canSendFiles(audience?: 'everyone' | 'private'): boolean;
  /** May they edit, delete, pin or unpin this message (by its author)? */
  canAct(action: MessageAction, message: { userId: string }): boolean;
}

/** A bare chat: send anything, change your own messages; pins stay the app's choice (off). */
const all = { canSend: true, canReceive: true, text: true, files: true };
const BARE: ChatPermissions = {
  chatPublic: all,
  chatPrivate: all,
  chatMessages: { edit: 'own', delete: 'own', pin: 'none' },
};
const bare = () => BARE;

/**
 * What the local participant may do, from `meeting.self.permissions` (`chatPublic`,
 * `chatPrivate`), live: the host's changes re-render. Without a meeting everything is allowed.
 *
 * @example
 * ```tsx
 * const { canSend } = useChatPermissions()
 * if (!canSend()) return <p>The host has turned off chat</p>
 * ```
 */
export function useChatPermissions(options: MeetingHookOptions = {}): UseChatPermissionsResult {
  const store = useMeetingStore(options);
  const permissions = useSyncExternalStore(
    store ? store.subscribe : noSubscribe,
    store ? store.getPermissions : bare,
    store ? store.getPermissions : bare,
  );
  const self = useSelfUserId();
  const scope = (audience?: 'everyone' | 'private') =>
    audience === 'private' ? permissions.chatPrivate : permissions.chatPublic;
  return {
    ...permissions,
    isMeeting: store !== undefined,
    canSend: (audience) => scope(audience).canSend,
    canSendText: (audience) => scope(audience).canSend && scope(audience).text,
    canSendFiles: (audience) => scope(audience).canSend && scope(audience).files,
    canAct(action, message) {
      const rule = permissions.chatMessages[action === 'unpin' ? 'pin' : action];
      return rule === 'any' || (rule === 'own' && self !== undefined && message.userId === self);
    },
  };
}
