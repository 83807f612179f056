'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatEntry } from '@natter/core';
import { useStrings } from '../strings';
import { mentionsSelf } from '../Message/mentions';
import type { Mentions } from '../Message/mentions';
import { shownName } from '../utils/displayName';

const THROTTLE_MS = 1500;
const MAX_SUMMARY = 160;

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
    const first = batch[0];
    if (!first) return;
    const s = stringsRef.current;
    last.current = Date.now();
    const nameOf = (e: ChatEntry) => shownName(e.displayName || e.userId).text;
    const mention = batch.find(
      (e) =>
        (e.type === 'text' || e.type === 'custom') && mentionsSelf(e.message, mentionsRef.current),
    );
    if (batch.length > 1) {
      const many = s.announceMany(batch.length);
      setText(mention ? `${many}. ${s.mentionedYou(nameOf(mention))}` : many);
      return;
    }
    const summary =
      first.type === 'text'
        ? first.message
        : first.type === 'image'
          ? s.imageSummary
          : first.type === 'file'
            ? s.fileSummary(first.name)
            : first.message || s.customSummary;
    const short = summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY)}…` : summary;
    setText(s.announceMessage(mention ? s.mentionedYou(nameOf(first)) : nameOf(first), short));
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
