'use client';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ChatEntry, ChatStore } from '@natter/core';
import { useParticipants } from '@natter/hooks';
import { mentionsOf } from '../Message/mentions';
import type { Mentions } from '../Message/mentions';
import type { MessageProps } from '../Message/Message';
import type { RowShared } from './MessageRow';

/**
 * What every row shares (one object that changes only with these values, so a new message
 * re-renders no existing row), and the names a message may mention (`@Name`, see mentions.ts):
 * everyone the meeting knows.
 */
export function useRowShared(
  store: ChatStore,
  selfUserId: string | undefined,
  highlight: string | undefined,
  renderActions: ((entry: ChatEntry) => ReactNode) | undefined,
  renderCustom: MessageProps['renderCustom'],
  onOpenImage: (id: string, src: string) => void,
  renderDivider?: RowShared['renderDivider'],
): { shared: RowShared; mentions: Mentions | undefined } {
  const participants = useParticipants();
  const people = participants.participants;
  const mentions = useMemo(
    () =>
      people.length === 0
        ? undefined
        : mentionsOf(
            people.map((p) => p.name),
            people.find((p) => p.isSelf || p.userId === selfUserId)?.name,
          ),
    [people, selfUserId],
  );

  // The latest renderActions, read by a stable function so rows never re-render for it.
  const actionsRef = useRef(renderActions);
  useLayoutEffect(() => {
    actionsRef.current = renderActions;
  }, [renderActions]);
  const hasActions = renderActions !== undefined;
  const callActions = useCallback((entry: ChatEntry) => actionsRef.current?.(entry), []);
  // The meeting names people (recipients who never wrote included); read through a ref so a join
  // or leave re-renders no row.
  const participantsRef = useRef(participants);
  useLayoutEffect(() => {
    participantsRef.current = participants;
  }, [participants]);
  const shared = useMemo<RowShared>(
    () => ({
      store,
      selfUserId,
      highlight,
      renderActions: hasActions ? callActions : undefined,
      onRetry: (id) => void store.retry(id).catch(() => undefined),
      onDiscard: (id) => store.discard(id),
      nameOf: (userId) => {
        const known = participantsRef.current.get(userId)?.name;
        if (known) return known;
        const state = store.getState();
        const last = state.byUser.get(userId)?.last();
        return last === undefined ? undefined : state.byId.get(last)?.displayName || undefined;
      },
      onOpenImage,
      mentions,
      renderCustom,
      renderDivider,
    }),
    [
      store,
      selfUserId,
      highlight,
      hasActions,
      callActions,
      mentions,
      renderCustom,
      onOpenImage,
      renderDivider,
    ],
  );
  return { shared, mentions };
}
