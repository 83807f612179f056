import type { BaseMessage, CustomMessage, Message } from '../types';
import type { SimulatedMessageInput } from './types';

/** What a message says, apart from who sent it and when: what a send or an edit supplies. */
export type Content =
  | { type: 'text'; message: string }
  | { type: 'image'; link: string }
  | { type: 'file'; link: string; name: string; size: number }
  | ({ type: 'custom' } & Omit<CustomMessage, keyof BaseMessage | 'type'>);

/** A file message's content: the file "uploaded" to `makeLink`'s URL, with its name and size. */
export function fileContent(file: File, makeLink: (file: File) => string): Content {
  return { type: 'file', link: makeLink(file), name: file.name, size: file.size };
}

/** The stored message with new content, marked edited; who sent it and when stay. */
export function withContent(stored: Message, content: Content): Message {
  const { id, userId, displayName, time, timeMs, pinned, targetUserIds, channelId } = stored;
  return {
    id,
    userId,
    displayName,
    time,
    timeMs,
    pinned,
    targetUserIds,
    channelId,
    ...content,
    isEdited: true,
  };
}

/** The content of a simulated incoming message: exactly one of text, image, file or custom. */
export function contentOf(input: SimulatedMessageInput, makeLink: (file: File) => string): Content {
  const given = [input.text, input.image, input.file, input.custom].filter(
    (x) => x !== undefined,
  ).length;
  if (given !== 1)
    throw new TypeError('simulate.receive() needs exactly one of text, image, file, custom');
  if (input.text !== undefined) return { type: 'text', message: input.text };
  if (input.image) return { type: 'image', link: makeLink(input.image) };
  if (input.file) return fileContent(input.file, makeLink);
  return { type: 'custom', ...input.custom };
}
