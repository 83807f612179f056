import { ChatError, toChatError } from './ChatError';
import { removeEntry, upsertEntry } from './chatIndex';
import type { ChatEntry } from './chatIndex';
import type { StoreInternals } from './createChatStore';
import { isChatImageType } from './imageTypes';
import type { MessagePayload } from './types';

export interface SendOptions {
  /** Recipients of a private message (user or peer ids, as your SDK takes them). */
  peerIds?: string[];
}

/** What a store can do; every action returns a promise and records failures in the state. */
export interface ChatActions {
  /**
   * Sends text. The message shows at once as a `sending` entry; the promise resolves with the
   * confirmed message when the server's echo arrives, or rejects with a `ChatError` (the entry then
   * stays as `failed`, retryable with {@link ChatActions.retry}). Validation errors reject before
   * anything is shown: the caller still holds the text.
   */
  sendText(text: string, options?: SendOptions): Promise<ChatEntry>;
  sendImage(image: File, options?: SendOptions): Promise<ChatEntry>;
  sendFile(file: File, options?: SendOptions): Promise<ChatEntry>;
  send(payload: MessagePayload, options?: SendOptions): Promise<ChatEntry>;
  /** Sends a failed message again. */
  retry(id: string): Promise<ChatEntry>;
  /** Drops a failed or pending send from the list. */
  discard(id: string): void;
  /** Edits a message; resolves when the server's edit event arrives. */
  edit(id: string, content: string | MessagePayload): Promise<ChatEntry>;
  /** Deletes a message (a failed send is discarded); resolves on the delete event. */
  remove(id: string): Promise<void>;
  pin(id: string): Promise<void>;
  unpin(id: string): Promise<void>;
  /** Clears timers (called by `destroy`). */
  dispose(): void;
}

interface PendingSend {
  id: string;
  payload: MessagePayload;
  peerIds: string[] | undefined;
  state: 'sending' | 'failed';
  /** The chat object's send call has not settled: it still holds the message (queued, say). */
  inFlight: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  resolve: (entry: ChatEntry) => void;
  reject: (error: ChatError) => void;
  release: () => void;
}

let counter = 0;

export function createChatActions(internals: StoreInternals): ChatActions {
  const { chat, index, options } = internals;
  const pending = new Map<string, PendingSend>();
  const sendTimes: number[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  internals.countSending = () => {
    let n = 0;
    for (const rec of pending.values()) if (rec.state === 'sending') n++;
    return n;
  };

  function fail(error: ChatError): ChatError {
    internals.update({ lastError: error });
    return error;
  }

  function validate(payload: MessagePayload): void {
    if (payload.type === 'text') {
      if (payload.message.trim() === '') throw new ChatError('empty', 'Type a message first.');
      const limit = chat.maxTextLimit;
      if (typeof limit === 'number' && limit > 0 && payload.message.length > limit) {
        throw new ChatError(
          'too-long',
          `The message is ${payload.message.length - limit} characters over the limit of ${limit}.`,
        );
      }
      return;
    }
    const file = payload.type === 'image' ? payload.image : payload.file;
    if (file.size > options.maxFileSize) {
      throw new ChatError(
        'file-too-large',
        `"${file.name}" is larger than the ${Math.round(options.maxFileSize / 1048576)} MB this chat accepts.`,
      );
    }
    if (payload.type === 'image' && !isChatImageType(file.type)) {
      throw new ChatError(
        'unsupported',
        `"${file.name}" is not a GIF, JPEG or PNG image. Send it as a file instead.`,
      );
    }
  }

  function checkRate(): void {
    const limits = chat.rateLimits;
    if (!limits || !(limits.maxInvocations > 0) || !(limits.period > 0)) return;
    const windowMs = limits.period * 1000;
    const now = options.now();
    while (sendTimes.length > 0 && (sendTimes[0] ?? 0) <= now - windowMs) sendTimes.shift();
    if (sendTimes.length >= limits.maxInvocations) {
      const waitS = Math.ceil(((sendTimes[0] ?? now) + windowMs - now) / 1000);
      throw new ChatError(
        'rate-limited',
        `You are sending messages too fast. Try again in ${waitS} s.`,
      );
    }
  }

  function pendingEntry(
    id: string,
    payload: MessagePayload,
    peerIds: string[] | undefined,
  ): ChatEntry {
    const now = options.now();
    const base = {
      id,
      userId: internals.selfUserId() ?? '',
      displayName: options.selfDisplayName ?? '',
      time: new Date(now),
      timeMs: now,
      status: 'sending' as const,
      clientKey: id,
      ...(peerIds ? { targetUserIds: [...peerIds] } : {}),
    };
    switch (payload.type) {
      case 'text':
        return {
          ...base,
          type: 'text',
          message: payload.message,
          ...(peerIds ? { pending: { peerIds } } : {}),
        };
      case 'image':
        return {
          ...base,
          type: 'image',
          link: '',
          pending: { file: payload.image, ...(peerIds ? { peerIds } : {}) },
        };
      case 'file':
        return {
          ...base,
          type: 'file',
          link: '',
          name: payload.file.name,
          size: payload.file.size,
          pending: { file: payload.file, ...(peerIds ? { peerIds } : {}) },
        };
    }
  }

  function callSend(payload: MessagePayload, peerIds: string[] | undefined): Promise<void> {
    // The SDK appends the sender to the array it is given: always pass a copy.
    const ids = peerIds ? [...peerIds] : undefined;
    switch (payload.type) {
      case 'text':
        return chat.sendTextMessage(payload.message, ids);
      case 'image':
        return chat.sendImageMessage(payload.image, ids);
      case 'file':
        return chat.sendFileMessage(payload.file, ids);
    }
  }

  function dispatch(rec: PendingSend): Promise<ChatEntry> {
    const promise = new Promise<ChatEntry>((resolve, reject) => {
      rec.resolve = resolve;
      rec.reject = reject;
    });
    rec.release = internals.hold();
    sendTimes.push(options.now());
    rec.inFlight = true;
    rec.timer = later(() => timedOut(rec), options.confirmTimeoutMs);
    let call: Promise<void>;
    try {
      call = callSend(rec.payload, rec.peerIds);
    } catch (error) {
      call = Promise.reject(error);
    }
    call.then(
      () => {
        rec.inFlight = false;
        // Accepted after the timeout: give the echo its own time before calling it failed.
        if (rec.state === 'sending' && index.byId.get(rec.id)?.waiting)
          rec.timer = later(() => timedOut(rec), options.confirmTimeoutMs);
      },
      (error: unknown) => {
        rec.inFlight = false;
        markFailed(rec, toChatError(error));
      },
    );
    return promise;
  }

  function timedOut(rec: PendingSend): void {
    const entry = index.byId.get(rec.id);
    if (rec.state !== 'sending' || !pending.has(rec.id) || !entry) return;
    if (!rec.inFlight)
      return markFailed(
        rec,
        new ChatError('network', 'The server did not confirm the message. Retry to send it again.'),
      );
    // The chat object still holds it (queued while the connection is down): it is waiting, not
    // failed. Offering Retry now would send it twice once the connection is back.
    upsertEntry(index, { ...entry, waiting: true });
    internals.commit();
  }

  function markFailed(rec: PendingSend, error: ChatError): void {
    if (rec.state !== 'sending' || !pending.has(rec.id)) return;
    rec.state = 'failed';
    clear(rec.timer);
    const entry = index.byId.get(rec.id);
    if (entry) {
      const { waiting: _waiting, ...rest } = entry;
      upsertEntry(index, { ...rest, status: 'failed', error } as ChatEntry);
    }
    internals.commit({ lastError: error });
    rec.release();
    rec.reject(error);
  }

  function later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  }

  function clear(timer: ReturnType<typeof setTimeout> | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(timer);
  }

  function matches(rec: PendingSend, entry: ChatEntry): boolean {
    const p = rec.payload;
    if (p.type !== entry.type) return false;
    if (p.type === 'text' && entry.type === 'text')
      return entry.message.trim() === p.message.trim();
    if (p.type === 'file' && entry.type === 'file')
      return entry.name === p.file.name || entry.size === p.file.size;
    return true;
  }

  let warnedNoSelf = false;
  // DESIGN §1: a pending send is confirmed only by a NEW id from SELF. A redelivered message
  // (known or deleted id) or someone else's message with the same text never confirms it.
  internals.reconcile = (entry) => {
    if (index.byId.has(entry.id) || index.deleted.has(entry.id)) return undefined;
    const self = internals.selfUserId();
    if (self === undefined) {
      if (pending.size > 0 && !warnedNoSelf) {
        warnedNoSelf = true;
        options.logger.warn(
          'The chat store does not know selfUserId, so own sends cannot be matched with ' +
            'their echo. Pass selfUserId to ChatProvider or getChatStore.',
        );
      }
      return undefined;
    }
    if (entry.userId !== self) return undefined;
    for (const rec of pending.values()) {
      if (!matches(rec, entry)) continue;
      pending.delete(rec.id);
      clear(rec.timer);
      const wasSending = rec.state === 'sending';
      const clientKey = index.byId.get(rec.id)?.clientKey ?? rec.id;
      removeEntry(index, rec.id, false);
      const confirmed: ChatEntry = { ...entry, clientKey };
      if (wasSending) {
        queueMicrotask(() => rec.resolve(index.byId.get(confirmed.id) ?? confirmed));
        rec.release();
      }
      return confirmed;
    }
    return undefined;
  };

  async function send(payload: MessagePayload, sendOptions?: SendOptions): Promise<ChatEntry> {
    try {
      validate(payload);
      checkRate();
    } catch (error) {
      throw fail(toChatError(error));
    }
    const id = `pending-${++counter}-${options.now().toString(36)}`;
    const peerIds = sendOptions?.peerIds ? [...sendOptions.peerIds] : undefined;
    const rec: PendingSend = {
      id,
      payload,
      peerIds,
      state: 'sending',
      inFlight: false,
      timer: undefined,
      resolve: () => undefined,
      reject: () => undefined,
      release: () => undefined,
    };
    pending.set(id, rec);
    upsertEntry(index, pendingEntry(id, payload, peerIds));
    internals.commit();
    return dispatch(rec);
  }

  /** Resolves when an applied event satisfies `match`; rejects on timeout or when `call` fails. */
  function confirm<T>(
    call: () => Promise<void>,
    match: Parameters<StoreInternals['onEvent']>[0],
    result: () => T,
  ): Promise<T> {
    const release = internals.hold();
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
      const stop = internals.onEvent((kind, entry) => {
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

  function discard(id: string): void {
    const rec = pending.get(id);
    if (!rec) return;
    pending.delete(id);
    clear(rec.timer);
    if (rec.state === 'sending') rec.release();
    removeEntry(index, id, false);
    internals.commit();
  }

  const actions: ChatActions = {
    sendText: (text, o) => send({ type: 'text', message: text }, o),
    sendImage: (image, o) => send({ type: 'image', image }, o),
    sendFile: (file, o) => send({ type: 'file', file }, o),
    send,
    async retry(id) {
      const rec = pending.get(id);
      if (!rec || rec.state !== 'failed')
        throw fail(new ChatError('not-found', 'There is no failed message to retry.'));
      try {
        checkRate();
      } catch (error) {
        throw fail(toChatError(error));
      }
      rec.state = 'sending';
      const entry = index.byId.get(id);
      if (entry) {
        const { error: _error, ...rest } = entry;
        upsertEntry(index, { ...rest, status: 'sending' } as ChatEntry);
      }
      internals.commit({ lastError: null });
      return dispatch(rec);
    },
    discard,
    async edit(id, content) {
      const payload: MessagePayload =
        typeof content === 'string' ? { type: 'text', message: content } : content;
      const entry = requireSent(id);
      try {
        validate(payload);
      } catch (error) {
        throw fail(toChatError(error));
      }
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
    },
    async remove(id) {
      if (pending.has(id)) return discard(id);
      requireSent(id);
      return confirm(
        () => chat.deleteMessage(id),
        (kind, e) => kind === 'delete' && e.id === id,
        () => undefined,
      );
    },
    async pin(id) {
      if (requireSent(id).pinned === true) return;
      return confirm(
        () => chat.pin(id),
        (_kind, e) => e.id === id && index.byId.get(id)?.pinned === true,
        () => undefined,
      );
    },
    async unpin(id) {
      const entry = index.byId.get(id);
      if (!entry) throw fail(new ChatError('not-found', 'That message no longer exists.'));
      if (entry.pinned !== true) return;
      return confirm(
        () => chat.unpin(id),
        (_kind, e) => e.id === id && index.byId.get(id)?.pinned !== true,
        () => undefined,
      );
    },
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
  // Every failure is also recorded in the state (entry status, lastError), so a caller that does
  // not await an action must not get an unhandled rejection: mark each returned promise handled.
  const handled =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const promise = fn(...args);
      promise.catch(() => undefined);
      return promise;
    };
  return {
    ...actions,
    sendText: handled(actions.sendText),
    sendImage: handled(actions.sendImage),
    sendFile: handled(actions.sendFile),
    send: handled(actions.send),
    retry: handled(actions.retry),
    edit: handled(actions.edit),
    remove: handled(actions.remove),
    pin: handled(actions.pin),
    unpin: handled(actions.unpin),
  };
}
