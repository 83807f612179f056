'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatEntry } from '@natter/core';
import { useStrings } from '../strings';
import type { Mentions } from '../Message/mentions';

const THROTTLE_MS = 1500;

/**
 * Text for a visually hidden polite live region, announcing incoming messages at most once per
 * {@link THROTTLE_MS}: one message is read as "Name: text", a burst as "N new messages". A message
 * that mentions you is read as "Name mentioned you: text" (in a burst: "…. Name mentioned you").
 */
export function useAnnouncer(mentions?: Mentions): {
  text: string;
  announce(entries: readonly ChatEntry[]): void;
} {
  const { strings } = useStrings();
  const mentionsRef = useRef(mentions);
  useEffect(() => {
    mentionsRef.current = mentions;
  }, [mentions]);
  const [text, setText] = useState('');
  const queue = useRef<ChatEntry[]>([]);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stringsRef = useRef(strings);
  useEffect(() => {
    stringsRef.current = strings;
  }, [strings]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = useCallback(() => {
    timer.current = undefined;
    const batch = queue.current.splice(0);
    if (batch.length === 0) return;
    last.current = Date.now();
    // The wording loads with the first message to announce: none is needed at first paint.
    void import('./announcementText').then(({ announcementText }) =>
      setText(announcementText(batch, stringsRef.current, mentionsRef.current)),
    );
  }, []);

  const announce = useCallback(
    (entries: readonly ChatEntry[]) => {
      if (entries.length === 0) return;
      queue.current.push(...entries);
      if (timer.current !== undefined) return;
      const wait = Math.max(0, last.current + THROTTLE_MS - Date.now());
      timer.current = setTimeout(flush, wait);
    },
    [flush],
  );

  return { text, announce };
}
