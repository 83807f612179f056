import type { ChatEntry, ChatError, ChatStore, SendOptions } from '@natter/core';
import type { ComposerAttachment } from './attachments';

export interface SendAllResult {
  /** Attachments the store refused (the first refused one and every one after it). */
  left: ComposerAttachment[];
  /** Whether the caption was handed over (or there was none). */
  textSent: boolean;
  error: ChatError | null;
  /** Accepted sends, to report a later failure. */
  started: Promise<ChatEntry>[];
}

/**
 * Sends the attachments in order, then `text` as a caption; stops at the first refusal. The store
 * says at once whether it took each send (`submit`); a taken send is the store's from then on
 * (failed sends stay listed, retryable), so the composer lets go of it.
 */
export function sendAll(
  store: ChatStore,
  attachments: readonly ComposerAttachment[],
  text: string,
  options: SendOptions,
): SendAllResult {
  const started: Promise<ChatEntry>[] = [];
  // A caption the store would refuse (too long) must stop the files before any of them goes.
  const caption = text === '' ? null : ({ type: 'text', message: text } as const);
  const refusal = caption && attachments.length > 0 ? store.validate(caption) : null;
  if (refusal) return { left: [...attachments], textSent: false, error: refusal, started };
  for (let i = 0; i < attachments.length; i++) {
    const attachment = attachments[i];
    if (!attachment) continue;
    const { file, kind } = attachment;
    const outcome = store.submit(
      kind === 'image' ? { type: 'image', image: file } : { type: 'file', file },
      options,
    );
    if (!outcome.accepted) {
      return {
        left: attachments.slice(i),
        textSent: caption === null,
        error: outcome.error,
        started,
      };
    }
    started.push(outcome.confirmed);
  }
  if (!caption) return { left: [], textSent: true, error: null, started };
  const outcome = store.submit(caption, options);
  if (!outcome.accepted) return { left: [], textSent: false, error: outcome.error, started };
  started.push(outcome.confirmed);
  return { left: [], textSent: true, error: null, started };
}
