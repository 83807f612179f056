/**
 * The file types a chat sends as an image message: the ones RealtimeKit and Dyte accept (they
 * drop any other with `image_type_not_supported`). The store refuses others with a clear error,
 * the in-process and dev chats reject them as the SDKs do, and the composer attaches anything
 * else as a file.
 */
export const CHAT_IMAGE_TYPES: readonly string[] = ['image/gif', 'image/jpeg', 'image/png'];

/**
 * Whether a file of this MIME type can be sent as an image message (see {@link CHAT_IMAGE_TYPES}).
 *
 * @example
 * ```ts
 * isChatImageType(file.type) ? chat.sendImageMessage(file) : chat.sendFileMessage(file);
 * ```
 */
export function isChatImageType(type: string): boolean {
  return CHAT_IMAGE_TYPES.includes(type);
}
