import { ChatError, toChatError } from './ChatError';
import { removeEntry, upsertEntry } from './chatIndex';
import type { ChatActions, SendOptions, SendOutcome } from './chatStoreTypes';
import { createChangeActions } from './createChangeActions';
import { handled } from './handled';
import { pendingEntry } from './pendingEntry';
import type { ActionsModule, StoreCore } from './storeContract';
import type { ChatEntry, MessagePayload } from './types';
import { validatePayload } from './validatePayload';

interface PendingSend {
  id: string;
  payload: MessagePayload;
  peerIds: string[] | undefined;
  state: 'sending' | 'failed';
  /** The chat object's send call has not settled: it still holds the message (queued, say). */
  inFlight: boolean;
  timer: Timer | undefined;
  resolve: (entry: ChatEntry) => void;
  reject: (error: ChatError) => void;
  release: () => void;
}

type Timer = ReturnType<typeof setTimeout>;

let counter = 0;

/**
 * The store's actions (sends with their pending entries, retry, edit, delete, pin) over the
 * {@link StoreCore} the store gives them; see `storeContract.ts` for what flows each way.
 */
export function createChatActions(core: StoreCore): ActionsModule {
  const { chat, index, options } = core;
  const pending = new Map<string, PendingSend>();
  const sendTimes: number[] = [];
  /** Confirm timeouts, all cleared when the store is destroyed. */
  const timers = new Set<Timer>();
  const later = (fn: () => void, ms: number): Timer => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  };
  const clear = (timer: Timer | undefined) => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(timer);
  };

  function sendingCount(): number {
    let n = 0;
    for (const rec of pending.values()) if (rec.state === 'sending') n++;
    return n;
  }

  function fail(error: ChatError): ChatError {
    core.update({ lastError: error });
    return error;
  }

  const validate = (payload: MessagePayload) => validatePayload(chat, payload, options.maxFileSize);

  /** The chat's own rate limit (`chat.rateLimits`), checked before the SDK would throw. */
  function checkRate(): ChatError | null {
    const limits = chat.rateLimits;
    if (!limits || !(limits.maxInvocations > 0) || !(limits.period > 0)) return null;
    const windowMs = limits.period * 1000;
    const now = options.now();
    while (sendTimes.length > 0 && (sendTimes[0] ?? 0) <= now - windowMs) sendTimes.shift();
    if (sendTimes.length >= limits.maxInvocations) {
      const waitS = Math.ceil(((sendTimes[0] ?? now) + windowMs - now) / 1000);
      return new ChatError(
        'rate-limited',
        `You are sending messages too fast. Try again in ${waitS} s.`,
      );
    }
    return null;
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
    rec.release = core.hold();
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
    core.commit();
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
    core.commit({ lastError: error });
    rec.release();
    rec.reject(error);
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
  function reconcile(entry: ChatEntry): ChatEntry | undefined {
    if (index.byId.has(entry.id) || index.deleted.has(entry.id)) return undefined;
    const self = core.self()?.userId;
    if (self === undefined) {
      if (pending.size > 0 && !warnedNoSelf) {
        warnedNoSelf = true;
        core.warn(
          'Pass selfUserId to ChatProvider or getChatStore: without it, own sends cannot be ' +
            'matched with their echo.',
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
  }

  function submit(payload: MessagePayload, sendOptions?: SendOptions): SendOutcome {
    const refusal = validate(payload) ?? checkRate();
    if (refusal) return { accepted: false, error: fail(refusal) };
    const id = `pending-${++counter}-${options.now().toString(36)}`;
    const peerIds = sendOptions?.peerIds ? [...sendOptions.peerIds] : undefined;
    // `dispatch` sets the rest (its promise's settlers, the store hold, the timer).
    const rec = { id, payload, peerIds, state: 'sending', inFlight: false } as PendingSend;
    pending.set(id, rec);
    upsertEntry(index, pendingEntry(id, payload, peerIds, core.self(), options.now()));
    core.commit();
    return { accepted: true, id, confirmed: handled(dispatch)(rec) };
  }

  const send = handled(async (payload: MessagePayload, sendOptions?: SendOptions) => {
    const outcome = submit(payload, sendOptions);
    if (!outcome.accepted) throw outcome.error;
    return outcome.confirmed;
  });

  function discard(id: string): void {
    const rec = pending.get(id);
    if (!rec) return;
    pending.delete(id);
    clear(rec.timer);
    if (rec.state === 'sending') rec.release();
    removeEntry(index, id, false);
    core.commit();
  }

  const changes = createChangeActions(core, later, clear, fail, (id) => {
    if (!pending.has(id)) return false;
    discard(id);
    return true;
  });

  const actions: ChatActions = {
    validate,
    submit,
    sendText: (text, o) => send({ type: 'text', message: text }, o),
    sendImage: (image, o) => send({ type: 'image', image }, o),
    sendFile: (file, o) => send({ type: 'file', file }, o),
    send,
    retry: handled(async (id: string) => {
      const rec = pending.get(id);
      if (!rec || rec.state !== 'failed')
        throw fail(new ChatError('not-found', 'There is no failed message to retry.'));
      const limited = checkRate();
      if (limited) throw fail(limited);
      rec.state = 'sending';
      const entry = index.byId.get(id);
      if (entry) {
        const { error: _error, ...rest } = entry;
        upsertEntry(index, { ...rest, status: 'sending' } as ChatEntry);
      }
      core.commit({ lastError: null });
      return dispatch(rec);
    }),
    discard,
    ...changes,
  };
  return {
    actions,
    sendingCount,
    reconcile,
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
