import type { Message } from '../types';
import { createClientError } from './createClientError';
import type { Emitter } from './createEmitter';
import type { LocalChatClock } from './createManualClock';
import { formatWireMessage, timeOf } from './formatWireMessage';
import type { LocalChatEvents, LocalChatFlavor } from './types';

/** The simulated chat server: the full message log, plus broadcasts delivered to the local client. */
export interface LocalServer {
  /** Every message the server holds, oldest first (the client's `messages` may hold fewer). */
  readonly log: readonly Message[];
  find(id: string): Message | undefined;
  /** A server timestamp: the clock's time, strictly after the previous one. */
  stamp(): number;
  add(message: Message): void;
  /** Replaces a stored message and broadcasts the edit. Throws `0504` for an unknown id. */
  edit(id: string, update: (stored: Message) => Message): Message;
  /** Removes a stored message (if any) and broadcasts the delete either way. */
  remove(id: string): void;
  /** Throws `0504` for an unknown id. */
  setPinned(id: string, pinned: boolean): Message;
  /** Replaces the log without broadcasting. */
  reset(history: readonly Message[]): void;
  /** Calls `callback` once everything broadcast so far has been delivered. */
  afterDeliveries(callback: () => void): void;
  flush(): void;
  setLatency(ms: number): void;
  readonly pending: number;
  dispose(): void;
}

export interface LocalServerOptions {
  /** The client side: its `messages` is read and written the way the SDK's chat controller does. */
  client: { messages: Message[] };
  emit: Emitter<LocalChatEvents>['emit'];
  flavor: LocalChatFlavor;
  clock: LocalChatClock;
  latencyMs: number;
}

interface Delivery {
  run: () => void;
  handle: unknown;
}

export function createLocalServer({
  client,
  emit,
  flavor,
  clock,
  latencyMs,
}: LocalServerOptions): LocalServer {
  let log: Message[] = [];
  let lastStamp = -Infinity;
  let latency = latencyMs;
  const queue: Delivery[] = [];

  // Deliveries are FIFO whatever the latency: a timer delivers everything queued up to its own item.
  function drainThrough(item: Delivery | undefined): void {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (next !== item) clock.clearTimeout(next.handle);
      next.run();
      if (next === item) return;
    }
  }
  function deliver(run: () => void): void {
    const item: Delivery = { run, handle: undefined };
    item.handle = clock.setTimeout(() => drainThrough(item), latency);
    queue.push(item);
  }

  // What the SDKs' chat controllers do with each broadcast (see DESIGN.md section 1).
  const onAdd = (message: Message): void => {
    client.messages = [...client.messages, message];
    emit('chatUpdate', { action: 'add', message, messages: client.messages });
  };
  const onEdit = (message: Message): void => {
    const index = client.messages.findIndex((m) => m.id === message.id);
    if (index !== -1) client.messages[index] = message;
    else if (flavor === 'dyte') return;
    emit('chatUpdate', { action: 'edit', message, messages: client.messages });
  };
  const onDelete = (id: string): void => {
    const index = client.messages.findIndex((m) => m.id === id);
    if (index === -1 && flavor === 'dyte') return;
    const message = index === -1 ? { id } : (client.messages.splice(index, 1)[0] ?? { id });
    emit('chatUpdate', { action: 'delete', message, messages: client.messages });
  };
  const onPin = (message: Message, pinned: boolean): void => {
    const index = client.messages.findIndex((m) => m.id === message.id);
    if (flavor === 'dyte') {
      const known = client.messages[index];
      if (!known) return;
      known.pinned = pinned; // Dyte mutates the message object itself
      emit('chatUpdate', { action: 'edit', message: known, messages: client.messages });
      return;
    }
    if (index !== -1) client.messages[index] = message;
    emit('chatUpdate', { action: 'edit', message, messages: client.messages });
    emit(pinned ? 'pinMessage' : 'unpinMessage', { message, messages: client.messages });
  };

  function indexOrThrow(id: string): number {
    const index = log.findIndex((m) => m.id === id);
    if (index === -1) throw createClientError('0504', `No message found with id: ${id}`);
    return index;
  }

  return {
    get log() {
      return log;
    },
    find: (id) => log.find((m) => m.id === id),
    stamp() {
      lastStamp = Math.max(clock.now(), lastStamp + 1);
      return lastStamp;
    },
    add(message) {
      log.push(message);
      const wire = formatWireMessage(message, flavor);
      deliver(() => onAdd(wire));
    },
    edit(id, update) {
      const index = indexOrThrow(id);
      const next = update(log[index] as Message);
      log[index] = next;
      const wire = formatWireMessage(next, flavor);
      deliver(() => onEdit(wire));
      return next;
    },
    remove(id) {
      log = log.filter((m) => m.id !== id);
      deliver(() => onDelete(id));
    },
    setPinned(id, pinned) {
      const index = indexOrThrow(id);
      const next = { ...(log[index] as Message), pinned };
      log[index] = next;
      const wire = formatWireMessage(next, flavor);
      deliver(() => onPin(wire, pinned));
      return next;
    },
    reset(history) {
      log = [...history].sort((a, b) => timeOf(a) - timeOf(b));
      const newest = log[log.length - 1];
      if (newest) lastStamp = Math.max(lastStamp, timeOf(newest));
    },
    afterDeliveries(callback) {
      if (queue.length === 0) callback();
      else deliver(callback);
    },
    flush: () => drainThrough(undefined),
    setLatency(ms) {
      latency = Math.max(0, ms);
    },
    get pending() {
      return queue.length;
    },
    dispose() {
      for (const item of queue.splice(0)) clock.clearTimeout(item.handle);
    },
  };
}
