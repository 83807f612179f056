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
