import type { Emitter } from '../localChat/createEmitter';
import { formatWireMessage } from '../localChat/formatWireMessage';
import type { LocalChatEvents } from '../localChat/types';
import type { Message } from '../types';
import type { DevHello, DevWireMessage } from './devChatProtocol';

/** A server message as the RealtimeKit SDK would hand it over (placeholders, whole-second `time`). */
export function fromWire(wire: DevWireMessage): Message {
  const base = {
    id: wire.id,
    userId: wire.userId,
    displayName: wire.displayName,
    time: new Date(wire.timeMs),
    timeMs: wire.timeMs,
    isEdited: wire.isEdited,
    pinned: wire.pinned,
    targetUserIds: [...wire.targetUserIds],
  };
  const stored: Message =
    wire.type === 'image'
      ? { ...base, type: 'image', link: wire.link ?? '' }
      : wire.type === 'file'
        ? {
            ...base,
            type: 'file',
            link: wire.link ?? '',
            name: wire.name ?? '',
            size: wire.size ?? 0,
          }
        : { ...base, type: 'text', message: wire.message ?? '' };
  return formatWireMessage(stored, 'realtimekit');
}

/**
 * Keeps `chat.messages` the way RealtimeKit's chat controller does and emits the same events: an add
 * makes a new array; edits, deletes and pins change the array in place; a pin is an `edit` with
 * `pinned: true` followed by `pinMessage`. Adds of ids already held are dropped (no duplicates).
 */
export function createDevMessages(
  chat: { messages: Message[] },
  emit: Emitter<LocalChatEvents>['emit'],
) {
  const held = new Set<string>();
  const indexOf = (id: string): number =>
    held.has(id) ? chat.messages.findIndex((m) => m.id === id) : -1;

  function add(wire: DevWireMessage): void {
    if (held.has(wire.id)) return;
    const message = fromWire(wire);
    held.add(message.id);
    chat.messages = [...chat.messages, message];
    emit('chatUpdate', { action: 'add', message, messages: chat.messages });
  }

  function edit(wire: DevWireMessage, pin?: 'pin' | 'unpin'): void {
    const message = fromWire(wire);
    const index = indexOf(wire.id);
    if (index !== -1) chat.messages[index] = message;
    emit('chatUpdate', { action: 'edit', message, messages: chat.messages });
    if (pin)
      emit(pin === 'pin' ? 'pinMessage' : 'unpinMessage', { message, messages: chat.messages });
  }

  /** `quiet`: an unknown id is skipped instead of announced as `{ id }` (resync only). */
  function remove(id: string, quiet = false): void {
    const index = indexOf(id);
    if (index === -1 && quiet) return;
    held.delete(id);
    const message = index === -1 ? { id } : (chat.messages.splice(index, 1)[0] ?? { id });
    emit('chatUpdate', { action: 'delete', message, messages: chat.messages });
  }

  /** An update of a held message found on resync: an edit, plus the pin event if `pinned` flipped. */
  function update(wire: DevWireMessage): void {
    const before = chat.messages[indexOf(wire.id)];
    const flipped = before !== undefined && (before.pinned ?? false) !== wire.pinned;
    edit(wire, flipped ? (wire.pinned ? 'pin' : 'unpin') : undefined);
  }

  return {
    add,
    edit,
    remove,
    /** The first join: history replaces `messages` with no event, as the SDKs do. */
    load(history: readonly DevWireMessage[]): void {
      chat.messages = history.map(fromWire);
      held.clear();
      for (const m of chat.messages) held.add(m.id);
    },
    /** A resumed join: apply what was missed, once each. */
    resync(changes: NonNullable<DevHello['changes']>): void {
      for (const wire of changes.added) add(wire);
      for (const wire of changes.updated) update(wire);
      for (const id of changes.deleted) remove(id, true);
    },
    /** A rejoin the server could not resume: converge on its history through ordinary events. */
    reconcile(history: readonly DevWireMessage[]): void {
      const next = new Set(history.map((w) => w.id));
      for (const m of [...chat.messages]) if (!next.has(m.id)) remove(m.id);
      for (const wire of history) {
        if (held.has(wire.id)) update(wire);
        else add(wire);
      }
    },
  };
}
