import { toChatError } from '@natter/core';
import type { ChatEntry, ChatError, ChatStore, SendOptions } from '@natter/core';
import type { ComposerAttachment } from './attachments';

/**
 * Starts one send and tells whether the store accepted it. The store validates (length, rate,
 * size, type) before it shows anything: an accepted send adds an entry synchronously and from
 * then on the store keeps it (failed sends stay, retryable), so the composer may let go of it.
 */
export async function startSend(
  store: ChatStore,
  send: () => Promise<ChatEntry>,
): Promise<{ accepted: true; done: Promise<ChatEntry> } | { accepted: false; error: ChatError }> {
  const before = store.getState().ids;
  const done = send();
  if (store.getState().ids !== before) return { accepted: true, done };
  try {
    await done;
    return { accepted: true, done };
  } catch (error) {
    return { accepted: false, error: toChatError(error) };
  }
}

export interface SendAllResult {
  /** Attachments the store refused (the first refused one and every one after it). */
  left: ComposerAttachment[];
  /** Whether the caption was handed over (or there was none). */
  textSent: boolean;
  error: ChatError | null;
  /** Accepted sends, to report a later failure. */
  started: Promise<ChatEntry>[];
}

/** Sends the attachments in order, then `text` as a caption; stops at the first refusal. */
export async function sendAll(
  store: ChatStore,
  attachments: readonly ComposerAttachment[],
  text: string,
  options: SendOptions,
): Promise<SendAllResult> {
  const started: Promise<ChatEntry>[] = [];
  const limit = store.chat.maxTextLimit;
  let captionSent = text === '';
  if (
    attachments.length > 0 &&
    !captionSent &&
    limit !== undefined &&
    limit > 0 &&
    text.length > limit
  ) {
    // A caption over the limit would be refused after the files went: let it be refused first.
    const result = await startSend(store, () => store.sendText(text, options));
    if (!result.accepted) {
      return { left: [...attachments], textSent: false, error: result.error, started };
    }
    started.push(result.done);
    captionSent = true;
  }
  for (let i = 0; i < attachments.length; i++) {
    const attachment = attachments[i];
    if (!attachment) continue;
    const { file, kind } = attachment;
    const result = await startSend(store, () =>
      kind === 'image' ? store.sendImage(file, options) : store.sendFile(file, options),
    );
    if (!result.accepted) {
      return { left: attachments.slice(i), textSent: captionSent, error: result.error, started };
    }
    started.push(result.done);
  }
  if (captionSent) return { left: [], textSent: true, error: null, started };
  const result = await startSend(store, () => store.sendText(text, options));
  if (!result.accepted) return { left: [], textSent: false, error: result.error, started };
  started.push(result.done);
  return { left: [], textSent: true, error: null, started };
}
