import { ChatError, toChatError } from './ChatError';
import type { ChatActions } from './chatStoreTypes';
import { handled } from './handled';
import type { AppliedEventListener, StoreCore } from './storeContract';
import type { ChatEntry, MessagePayload } from './types';
import { validatePayload } from './validatePayload';

/**
 * Edit, delete, pin and unpin: each calls the SDK and resolves when the server's event for that
 * message arrives (the SDKs resolve their calls before, or without, applying anything).
 * `discardPending` drops a pending send instead of deleting it, and says whether it did.
 */
export function createChangeActions(
  core: StoreCore,
  later: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>,
  clear: (timer: ReturnType<typeof setTimeout> | undefined) => void,
  fail: (error: ChatError) => ChatError,
  discardPending: (id: string) => boolean,
): Pick<ChatActions, 'edit' | 'remove' | 'pin' | 'unpin'> {
  const { chat, index, options } = core;

  /** Resolves when an applied event satisfies `match`; rejects on timeout or when `call` fails. */
  function confirm<T>(
    call: () => Promise<void>,
    match: AppliedEventListener,
    result: () => T,
  ): Promise<T> {
    const release = core.hold();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (error?: ChatError) => {
        if (settled) return;
        settled = true;
        stop();
        clear(timer);
        release();
        if (error) reject(fail(error));
        else resolve(result());
      };
      const stop = core.onEvent((kind, entry) => {
        if (!match(kind, entry)) return false;
        queueMicrotask(() => finish());
        return true;
      });
      const timer = later(
        () =>
          finish(
            new ChatError(
              'network',
              'The server did not confirm the change. Check the connection and retry.',
            ),
          ),
        options.confirmTimeoutMs,
      );
      let promise: Promise<void>;
      try {
        promise = call();
      } catch (error) {
        promise = Promise.reject(error);
      }
      promise.catch((error: unknown) => finish(toChatError(error)));
    });
  }

  function requireSent(id: string): ChatEntry {
    const entry = index.byId.get(id);
    if (!entry) throw fail(new ChatError('not-found', 'That message no longer exists.'));
    if (entry.status !== 'sent')
      throw fail(new ChatError('unsupported', 'This message has not been sent yet.'));
    return entry;
  }

  return {
    edit: handled(async (id: string, content: string | MessagePayload) => {
      const payload: MessagePayload =
        typeof content === 'string' ? { type: 'text', message: content } : content;
      const entry = requireSent(id);
      const refusal = validatePayload(chat, payload, options.maxFileSize);
      if (refusal) throw fail(refusal);
      if (payload.type === 'text' && entry.type === 'text' && entry.message === payload.message)
        return entry;
      const call = (): Promise<void> => {
        if (payload.type === 'text') return chat.editTextMessage(id, payload.message);
        if (chat.editMessage) return chat.editMessage(id, payload);
        if (payload.type === 'image' && chat.editImageMessage)
          return chat.editImageMessage(id, payload.image);
        if (payload.type === 'file' && chat.editFileMessage)
          return chat.editFileMessage(id, payload.file);
        return Promise.reject(new ChatError('unsupported', 'This chat cannot edit attachments.'));
      };
      return confirm(
        call,
        (kind, e) => kind === 'edit' && e.id === id,
        () => index.byId.get(id) ?? entry,
      );
    }),
    remove: handled(async (id: string) => {
      if (discardPending(id)) return;
      requireSent(id);
      return confirm(
        () => chat.deleteMessage(id),
        (kind, e) => kind === 'delete' && e.id === id,
        () => undefined,
      );
    }),
    pin: handled(async (id: string) => {
      if (requireSent(id).pinned === true) return;
      return confirm(
        () => chat.pin(id),
        (_kind, e) => e.id === id && index.byId.get(id)?.pinned === true,
        () => undefined,
      );
    }),
    unpin: handled(async (id: string) => {
      const entry = index.byId.get(id);
      if (!entry) throw fail(new ChatError('not-found', 'That message no longer exists.'));
      if (entry.pinned !== true) return;
      return confirm(
        () => chat.unpin(id),
        (_kind, e) => e.id === id && index.byId.get(id)?.pinned !== true,
        () => undefined,
      );
    }),
  };
}
