/** Records a chat's events for the conformance suite and waits for them without polling. */
import type { ChatLike, ChatUpdateEvent, Message, PinEvent } from '../types';

export interface Seen<T> {
  event: T;
  /** `event.messages === chat.messages` when the event was emitted. */
  sameArray: boolean;
}

export const isMessage = (m: ChatUpdateEvent['message']): m is Message => 'type' in m;
export const textOf = (m: ChatUpdateEvent['message']): string | undefined =>
  isMessage(m) && m.type === 'text' ? m.message : undefined;

/** `ERR0503` whether the error's `code` is `'0503'` (the SDKs) or `'ERR0503'`. */
export function sdkCodeOf(error: unknown): string | undefined {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string') return code.startsWith('ERR') ? code : `ERR${code}`;
  return error instanceof Error ? /ERR\d{4}/.exec(error.message)?.[0] : undefined;
}

/** Settles with whatever the call did: a synchronous throw (the SDKs' rate limiter) counts as a rejection. */
export async function outcome(
  call: () => Promise<unknown>,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

export function recordEvents(chat: ChatLike, timeoutMs: number) {
  const updates: Seen<ChatUpdateEvent>[] = [];
  const pins: Seen<PinEvent>[] = [];
  const unpins: Seen<PinEvent>[] = [];
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  const onUpdate = (event: ChatUpdateEvent): void => {
    updates.push({ event, sameArray: event.messages === chat.messages });
    notify();
  };
  const onPin = (event: PinEvent): void => {
    pins.push({ event, sameArray: event.messages === chat.messages });
    notify();
  };
  const onUnpin = (event: PinEvent): void => {
    unpins.push({ event, sameArray: event.messages === chat.messages });
    notify();
  };
  chat.on('chatUpdate', onUpdate);
  chat.on('pinMessage', onPin);
  chat.on('unpinMessage', onUnpin);

  return {
    updates,
    pins,
    unpins,
    /** Resolves with the first non-undefined `probe()`, re-checked on every event; no polling, no sleeps. */
    waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = (): void => {
          const found = probe();
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    stop(): void {
      chat.off('chatUpdate', onUpdate);
      chat.off('pinMessage', onPin);
      chat.off('unpinMessage', onUnpin);
    },
  };
}
