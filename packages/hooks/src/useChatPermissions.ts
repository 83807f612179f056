'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { ALL_ALLOWED, allows } from '@natter/core';
import type { ChatPermissions, MessageActionRules } from '@natter/core';
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
const BARE: ChatPermissions = {
  ...ALL_ALLOWED,
  chatMessages: { edit: 'own', delete: 'own', pin: 'none' } satisfies MessageActionRules,
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
  const scope = useCallback(
    (audience: 'everyone' | 'private' = 'everyone') =>
      audience === 'private' ? permissions.chatPrivate : permissions.chatPublic,
    [permissions],
  );
  const canAct = useCallback(
    (action: MessageAction, message: { userId: string }) => {
      const rule = action === 'unpin' ? 'pin' : action;
      const own = self !== undefined && message.userId === self;
      return allows(permissions.chatMessages[rule], own);
    },
    [permissions, self],
  );
  return {
    ...permissions,
    isMeeting: store !== undefined,
    canSend: (audience) => scope(audience).canSend,
    canSendText: (audience) => scope(audience).canSend && scope(audience).text,
    canSendFiles: (audience) => scope(audience).canSend && scope(audience).files,
    canAct,
  };
}
