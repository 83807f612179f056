import type { Message } from '../types';
import type { LocalChatClock } from './createManualClock';
import type { SeededRandom } from './createRandom';
import { SAMPLE_TEXTS, createSampleDocument, createSampleImage } from './generateHistory';
import type { ConversationOptions, LocalChatSimulator, LocalParticipant } from './types';

export interface ConversationContext {
  clock: LocalChatClock;
  random: SeededRandom;
  participants: readonly LocalParticipant[];
  selfUserId: string;
  simulate: Pick<LocalChatSimulator, 'receive' | 'edit' | 'delete' | 'pin' | 'unpin'>;
  /** The server's log, oldest first. */
  log(): readonly Message[];
}

/**
 * Every `intervalMs` a seeded action: mostly a remote text, sometimes an image or a file, an edit of a
 * recent remote text, a pin toggle or a delete of a recent remote message. Returns `stop`.
 */
export function startConversation(
  context: ConversationContext,
  options: ConversationOptions = {},
): () => void {
  const { clock, random, participants, selfUserId, simulate } = context;
  const intervalMs = Math.max(1, options.intervalMs ?? 2500);
  let remaining = options.maxActions ?? Infinity;
  let handle: unknown;
  let stopped = false;
  let counter = 0;

  const recentRemote = (): Message[] =>
    context
      .log()
      .slice(-10)
      .filter((m) => m.userId !== selfUserId);

  function act(): void {
    counter += 1;
    const roll = random.next();
    const recent = recentRemote();
    const target = recent.length > 0 ? random.pick(recent) : undefined;
    const sender = random.pick(participants);
    if (roll < 0.08) {
      simulate.receive({ userId: sender.userId, image: createSampleImage(random, counter) });
    } else if (roll < 0.13) {
      simulate.receive({ userId: sender.userId, file: createSampleDocument(random, counter) });
    } else if (roll < 0.21 && target?.type === 'text') {
      simulate.edit(target.id, `${target.message} (edited)`);
    } else if (roll < 0.27 && target) {
      if (target.pinned) simulate.unpin(target.id);
      else simulate.pin(target.id);
    } else if (roll < 0.3 && target) {
      simulate.delete(target.id);
    } else {
      simulate.receive({ userId: sender.userId, text: random.pick(SAMPLE_TEXTS) });
    }
  }

  function tick(): void {
    if (stopped) return;
    act();
    remaining -= 1;
    if (remaining > 0) handle = clock.setTimeout(tick, intervalMs);
  }

  if (participants.length > 0 && remaining > 0) handle = clock.setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
