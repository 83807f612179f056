import { isChatImageType } from '../imageTypes';
import type { ChatRateLimits, MessagePayload } from '../types';
import { createClientError } from './createClientError';
import type { Emitter } from './createEmitter';
import { createMethodRateLimiter } from './createMethodRateLimiter';

/** What a chat does with a call once the facade has checked it as the SDKs do. */
export interface ChatBackend {
  sendText(text: string, peerIds?: string[]): Promise<void>;
  sendImage(image: File, peerIds?: string[]): Promise<void>;
  sendFile(file: File, peerIds?: string[]): Promise<void>;
  editText(messageId: string, text: string): Promise<void>;
  editImage(messageId: string, image: File): Promise<void>;
  editFile(messageId: string, file: File): Promise<void>;
}

export interface ChatFacadeOptions<Events extends object, Chat> {
  backend: ChatBackend;
  emitter: Emitter<Events>;
  /** The chat object: the listener methods return it, so calls chain as on the SDKs' objects. */
  chat(): Chat;
  /** Text sends' budget, read live (`updateRateLimits`, a server's hello). */
  limits: ChatRateLimits;
  /** `sendMessage`'s own budget. Default: `limits`. */
  sendMessageLimits?: ChatRateLimits;
  maxTextLimit(): number;
  now(): number;
  warn(message: string): void;
}

/** Images and files have their own budget in the SDKs: 20 a minute. */
const UPLOAD_LIMITS: ChatRateLimits = { maxInvocations: 20, period: 60 };

/**
 * The part of `meeting.chat` that behaves the same whatever carries the messages, written once
 * for `createLocalChat` (in process) and `connectDevChat` (the dev server): the SDKs' rate-limit
 * decorators (they throw synchronously), their checks and error codes (`0503` too long, `0502`
 * empty; a missing file or an image type they do not take is logged and resolves), `sendMessage`
 * and `editMessage` by payload type, and the Node-style listener methods.
 */
export function createChatFacade<Events extends object, Chat>(
  options: ChatFacadeOptions<Events, Chat>,
) {
  const { backend, emitter, warn, now } = options;
  const limitText = createMethodRateLimiter(options.limits, now);
  const limitImage = createMethodRateLimiter({ ...UPLOAD_LIMITS }, now);
  const limitFile = createMethodRateLimiter({ ...UPLOAD_LIMITS }, now);
  const limitSendMessage = createMethodRateLimiter(
    options.sendMessageLimits ?? options.limits,
    now,
  );

  function imageProblem(image: File | undefined): string | undefined {
    if (!image) return 'required_argument_image_can_not_be_empty';
    if (!isChatImageType(image.type))
      return `image_type_not_supported (${image.type || 'no type'})`;
    return undefined;
  }
  async function sendText(text: string, peerIds?: string[]): Promise<void> {
    if (text.length > options.maxTextLimit())
      throw createClientError('0503', 'Max character limit breached');
    if (!text) throw createClientError('0502', 'Message can not be empty.');
    return backend.sendText(text, peerIds);
  }
  async function sendImage(image: File, peerIds?: string[]): Promise<void> {
    const problem = imageProblem(image);
    if (problem) return warn(`sendImageMessage::${problem}`); // the SDK logs and resolves
    return backend.sendImage(image, peerIds);
  }
  async function sendFile(file: File, peerIds?: string[]): Promise<void> {
    if (!file) return warn('sendFileMessage::required_argument_file_can_not_be_empty');
    return backend.sendFile(file, peerIds);
  }
  async function editTextMessage(messageId: string, text: string): Promise<void> {
    if (!text) return warn('editTextMessage::message_can_not_be_empty');
    return backend.editText(messageId, text);
  }
  async function editImageMessage(messageId: string, image: File): Promise<void> {
    const problem = imageProblem(image);
    if (problem) return warn(`editImageMessage::${problem}`);
    return backend.editImage(messageId, image);
  }
  async function editFileMessage(messageId: string, file: File): Promise<void> {
    if (!file) return warn('editFileMessage::required_argument_file_can_not_be_empty');
    return backend.editFile(messageId, file);
  }

  type Listener<E extends keyof Events> = (payload: Events[E]) => void;
  const on = <E extends keyof Events>(event: E, listener: Listener<E>): Chat => {
    emitter.on(event, listener);
    return options.chat();
  };
  const off = <E extends keyof Events>(event: E, listener: Listener<E>): Chat => {
    emitter.off(event, listener);
    return options.chat();
  };
  const once = <E extends keyof Events>(event: E, listener: Listener<E>): Chat => {
    emitter.once(event, listener);
    return options.chat();
  };

  return {
    sendTextMessage: (text: string, peerIds?: string[]) => (limitText(), sendText(text, peerIds)),
    sendImageMessage: (image: File, peerIds?: string[]) => (
      limitImage(),
      sendImage(image, peerIds)
    ),
    sendFileMessage: (file: File, peerIds?: string[]) => (limitFile(), sendFile(file, peerIds)),
    sendMessage(payload: MessagePayload, peerIds?: string[]): Promise<void> {
      limitSendMessage();
      if (payload.type === 'text') return sendText(payload.message, peerIds);
      if (payload.type === 'image') return sendImage(payload.image, peerIds);
      if (payload.type === 'file') return sendFile(payload.file, peerIds);
      warn(`sendMessage::message_type_not_supported (${(payload as { type: string }).type})`);
      return Promise.resolve();
    },
    editTextMessage,
    editImageMessage,
    editFileMessage,
    async editMessage(messageId: string, payload: MessagePayload): Promise<void> {
      if (payload.type === 'text') return editTextMessage(messageId, payload.message);
      if (payload.type === 'image') return editImageMessage(messageId, payload.image);
      if (payload.type === 'file') return editFileMessage(messageId, payload.file);
      warn(`editMessage::message_type_not_supported (${(payload as { type: string }).type})`);
    },
    on,
    addListener: on,
    once,
    off,
    removeListener: off,
    listenerCount: (event: keyof Events) => emitter.listenerCount(event),
  };
}
