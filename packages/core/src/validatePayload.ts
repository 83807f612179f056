import { ChatError } from './ChatError';
import { isChatImageType } from './imageTypes';
import type { ChatLike, MessagePayload } from './types';

/**
 * Why a chat would refuse `payload` before it is sent: empty text, text over `chat.maxTextLimit`,
 * a file over `maxFileSize`, an image that is not a GIF, JPEG or PNG. Null when it may be sent.
 */
export function validatePayload(
  chat: ChatLike,
  payload: MessagePayload,
  maxFileSize: number,
): ChatError | null {
  if (payload.type === 'text') {
    if (payload.message.trim() === '') return new ChatError('empty', 'Type a message first.');
    const limit = chat.maxTextLimit;
    if (typeof limit === 'number' && limit > 0 && payload.message.length > limit) {
      return new ChatError(
        'too-long',
        `The message is ${payload.message.length - limit} characters over the limit of ${limit}.`,
      );
    }
    return null;
  }
  const file = payload.type === 'image' ? payload.image : payload.file;
  if (file.size > maxFileSize) {
    return new ChatError(
      'file-too-large',
      `"${file.name}" is larger than the ${Math.round(maxFileSize / 1048576)} MB this chat accepts.`,
    );
  }
  if (payload.type === 'image' && !isChatImageType(file.type)) {
    return new ChatError(
      'unsupported',
      `"${file.name}" is not a GIF, JPEG or PNG image. Send it as a file instead.`,
    );
  }
  return null;
}
