import type { ChatEntry, MessagePayload } from './types';

/** The entry a send shows at once, before the server's echo replaces it (`status: 'sending'`). */
export function pendingEntry(
  id: string,
  payload: MessagePayload,
  peerIds: string[] | undefined,
  self: { userId: string; displayName?: string } | undefined,
  now: number,
): ChatEntry {
  const base = {
    id,
    userId: self?.userId ?? '',
    displayName: self?.displayName ?? '',
    time: new Date(now),
    timeMs: now,
    status: 'sending' as const,
    clientKey: id,
  };
  const entry: ChatEntry =
    payload.type === 'text'
      ? { ...base, type: 'text', message: payload.message }
      : payload.type === 'image'
        ? { ...base, type: 'image', link: '', pending: { file: payload.image } }
        : {
            ...base,
            type: 'file',
            link: '',
            name: payload.file.name,
            size: payload.file.size,
            pending: { file: payload.file },
          };
  // Assigned only for a private send: a public entry has no `targetUserIds` or `pending.peerIds`
  // key at all, like the entries the store builds from the SDK's messages.
  if (peerIds) {
    entry.targetUserIds = [...peerIds];
    entry.pending = { ...entry.pending, peerIds };
  }
  return entry;
}
