import type { Message } from '../types';
import type { LocalChatFlavor } from './types';

/**
 * Shapes a stored message the way the SDKs' `formatSocketPeerMessage` / `formatSocketServiceMessage`
 * do, so consumers meet the same surprises as in production:
 * - `time` has whole-second precision (`createdAt * 1000`); only `timeMs` has the milliseconds.
 * - every message carries the empty placeholders `message: ''`, `link: ''`, `name: ''`, `html: ''`,
 *   `images: []`, `videos: []`, `files: []`, `size: 0`, whatever its `type`.
 * - `isEdited` and `pinned` are always booleans, and `targetUserIds` is `[]` on public messages.
 * - Dyte adds `channelId` / `channelIndex` (undefined outside channels).
 * Every call returns a fresh object, as every broadcast or fetch does.
 */
export function formatWireMessage(stored: Message, flavor: LocalChatFlavor): Message {
  const ms = stored.timeMs ?? stored.time.getTime();
  const wire: Record<string, unknown> = {
    displayName: stored.displayName,
    id: stored.id,
    time: new Date(Math.floor(ms / 1000) * 1000),
    timeMs: ms,
    type: stored.type,
    isEdited: stored.isEdited ?? false,
    userId: stored.userId,
    targetUserIds: [...(stored.targetUserIds ?? [])],
    message: '',
    link: '',
    name: '',
    html: '',
    images: [],
    videos: [],
    files: [],
    size: 0,
    pinned: stored.pinned ?? false,
  };
  if (flavor === 'dyte') {
    // Dyte's messages carry both keys, holding undefined outside channels; RealtimeKit's lack them.
    wire.channelId = stored.channelId;
    wire.channelIndex = undefined;
  }
  switch (stored.type) {
    case 'text':
      wire.message = stored.message;
      break;
    case 'image':
      wire.link = stored.link;
      break;
    case 'file':
      Object.assign(wire, { link: stored.link, name: stored.name, size: stored.size });
      break;
    case 'custom':
      Object.assign(wire, {
        message: stored.message,
        html: stored.html,
        images: stored.images,
        videos: stored.videos,
        files: stored.files,
      });
      break;
  }
  return wire as unknown as Message;
}

/** The server's timestamp of a stored message. */
export function timeOf(message: Message): number {
  return message.timeMs ?? message.time.getTime();
}
