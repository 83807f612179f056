'use client';
import { EVERYONE, useChatPermissions, useConversations, useParticipants } from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';
import type { ChatStore } from '@natter/core';
import { shownName } from '../utils/displayName';

export interface Recipient {
  /** `'everyone'` or the other person's user id: the open conversation. */
  key: string;
  /** Their shown name (private), else undefined. */
  name: string | undefined;
  /** What the send takes: the person's participant id; undefined for everyone. */
  peerIds: string[] | undefined;
  /** The other person left: nothing can be sent here (never publicly instead). */
  isGone: boolean;
  /** The choices the composer offers: everyone and/or the people you may write to. */
  options: readonly { key: string; name: string }[];
  setRecipient(key: string): void;
}

/**
 * Who the composer writes to: the open conversation (shared with the panel's switcher). Everyone
 * is offered while `chatPublic.canSend`, each person in the room while `chatPrivate.canSend`.
 */
export function useRecipient(store: ChatStore, options: ChatHookOptions): Recipient {
  const { active, setActive } = useConversations({ ...options, store });
  const { others, get } = useParticipants();
  const permissions = useChatPermissions();
  const nameOfKey = (key: string): string => {
    const person = get(key);
    if (person) return shownName(person.name || key).text;
    const state = store.getState();
    const last = state.byUser.get(key)?.last();
    return shownName((last && state.byId.get(last)?.displayName) || key).text;
  };
  const isPrivate = active !== EVERYONE;
  const person = isPrivate ? get(active) : undefined;
  // Without a meeting the chat's own ids are all the kit knows: send to the user id.
  const isGone = isPrivate && permissions.isMeeting && person?.status !== 'joined';
  const peerIds = !isPrivate || isGone ? undefined : [person ? person.id : active];
  const choices: { key: string; name: string }[] = [];
  if (permissions.canSend('everyone') || !isPrivate) choices.push({ key: EVERYONE, name: '' });
  if (permissions.isMeeting && permissions.canSend('private')) {
    for (const p of others) choices.push({ key: p.userId, name: nameOfKey(p.userId) });
  }
  if (isPrivate && !choices.some((c) => c.key === active))
    choices.push({ key: active, name: nameOfKey(active) });
  return {
    key: active,
    name: isPrivate ? nameOfKey(active) : undefined,
    peerIds,
    isGone,
    options: choices,
    setRecipient: setActive,
  };
}
