import type { ChatEntry } from '@natter/core';
import { mentionsSelf } from '../Message/mentions';
import type { Mentions } from '../Message/mentions';
import type { PanelStrings } from '../strings/defaultStrings';
import { shownName } from '../utils/displayName';

const MAX_SUMMARY = 160;

/**
 * What the live region reads for a batch of incoming messages: one is "Name: text", a burst is
 * "N new messages"; a message that mentions you is "Name mentioned you: text" (in a burst:
 * "…. Name mentioned you"). Loaded by `useAnnouncer` with the first message to announce.
 */
export function announcementText(
  batch: readonly ChatEntry[],
  s: PanelStrings,
  mentions: Mentions | undefined,
): string {
  const first = batch[0];
  if (!first) return '';
  const nameOf = (e: ChatEntry) => shownName(e.displayName || e.userId).text;
  const mention = batch.find(
    (e) => (e.type === 'text' || e.type === 'custom') && mentionsSelf(e.message, mentions),
  );
  if (batch.length > 1) {
    const many = s.announceMany(batch.length);
    return mention ? `${many}. ${s.mentionedYou(nameOf(mention))}` : many;
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
  return s.announceMessage(mention ? s.mentionedYou(nameOf(first)) : nameOf(first), short);
}
