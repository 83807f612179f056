import type { Message } from '../types';
import type { SeededRandom } from './createRandom';
import type { LocalParticipant } from './types';

/** The people in a local chat when none are given. */
export const SAMPLE_PARTICIPANTS: readonly LocalParticipant[] = [
  { userId: 'user-ada', displayName: 'Ada Lovelace' },
  { userId: 'user-grace', displayName: 'Grace Hopper' },
  { userId: 'user-alan', displayName: 'Alan Turing' },
  { userId: 'user-katherine', displayName: 'Katherine Johnson' },
];

export const SAMPLE_TEXTS: readonly string[] = [
  'Can everyone hear me?',
  'Sharing my screen in a second.',
  'Good morning from Lisbon!',
  'I think we lost Alan for a moment.',
  'The deck is in the shared drive, slide 12.',
  'Agreed, let us ship it behind a flag first.',
  '+1',
  'Could you repeat the last number?',
  'Notes are in the doc, feel free to edit.',
  'I have a hard stop at half past.',
  'The latency graph looks much better since Tuesday.',
  'Who owns the follow-up on the billing bug?',
  'Thanks, that answers my question.',
  'Dropping a link to the RFC here: https://example.com/rfc/42',
  'Let us take the rest offline.',
  'Back in two minutes, grabbing coffee ☕',
  'Does anyone object to moving the review to Thursday?',
  'Nice work on the release, everyone 🎉',
];

/** Builds a small SVG picture, a stand-in for a shared screenshot. */
export function createSampleImage(random: SeededRandom, index: number): File {
  const hue = random.int(360);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">` +
    `<rect width="320" height="180" fill="hsl(${hue} 60% 45%)"/>` +
    `<text x="160" y="100" font-family="sans-serif" font-size="28" fill="white" text-anchor="middle">Slide ${index}</text></svg>`;
  return new File([svg], `slide-${index}.svg`, { type: 'image/svg+xml' });
}

/** Builds a small text document, a stand-in for a shared file. */
export function createSampleDocument(random: SeededRandom, index: number): File {
  const lines = Array.from({ length: 3 + random.int(20) }, () => random.pick(SAMPLE_TEXTS));
  return new File([lines.join('\n')], `meeting-notes-${index}.txt`, { type: 'text/plain' });
}

export interface GenerateHistoryOptions {
  count: number;
  /** Who may have sent each message (the local participant included, if wanted). */
  senders: readonly LocalParticipant[];
  random: SeededRandom;
  /** Time of the newest message. Earlier ones are 5-95 s apart. */
  end: number;
  /** Turns a file into a link (an object URL the chat revokes on dispose). */
  makeLink(file: File): string;
}

/**
 * Deterministic sample history: mostly text, every 11th an image, every 17th a file, a few edited
 * and a few pinned. Oldest first, strictly increasing `timeMs`.
 */
export function generateHistory({
  count,
  senders,
  random,
  end,
  makeLink,
}: GenerateHistoryOptions): Message[] {
  const times: number[] = [];
  for (let i = 0, time = end; i < count; i++, time -= 5_000 + random.int(90_000))
    times.unshift(time);
  return times.map((timeMs, i): Message => {
    const sender = random.pick(senders);
    const base = {
      id: random.uuid(),
      userId: sender.userId,
      displayName: sender.displayName,
      time: new Date(timeMs),
      timeMs,
      isEdited: i % 13 === 5,
      pinned: i % 23 === 7,
      targetUserIds: [],
    };
    if (i % 11 === 10)
      return { ...base, type: 'image', link: makeLink(createSampleImage(random, i)) };
    if (i % 17 === 16) {
      const file = createSampleDocument(random, i);
      return { ...base, type: 'file', link: makeLink(file), name: file.name, size: file.size };
    }
    return { ...base, type: 'text', message: random.pick(SAMPLE_TEXTS) };
  });
}
