import type { ChatError } from './ChatError';

/**
 * The chat message model and the structural `meeting.chat` contract (DESIGN.md section 1).
 *
 * These types mirror `@cloudflare/realtimekit@2` and `@dytesdk/web-core@3`; the type tests in
 * `ChatLike.test-d.ts` assign the real SDKs' objects to them so the contract cannot drift.
 */

/** The message kinds Natter renders. Anything else arriving from an SDK is dropped with a warning. */
export type MessageKind = 'text' | 'image' | 'file' | 'custom';

/** Fields every message carries, whatever its kind. */
export interface BaseMessage {
  id: string;
  userId: string;
  displayName: string;
  time: Date;
  timeMs?: number;
  isEdited?: boolean;
  read?: boolean;
  pluginId?: string;
  pinned?: boolean;
  /** Set on private messages: the recipients' user ids. */
  targetUserIds?: string[];
  /** Dyte only. */
  channelId?: string;
}

export interface TextMessage extends BaseMessage {
  type: 'text';
  message: string;
}

export interface ImageMessage extends BaseMessage {
  type: 'image';
  link: string;
}

export interface FileMessage extends BaseMessage {
  type: 'file';
  link: string;
  name: string;
  size: number;
}

/** An attachment of a custom message. */
export interface CustomAttachment {
  link: string;
  type?: string;
  name?: string;
  size?: number;
}

/** Passed through untouched and rendered generically. */
export interface CustomMessage extends BaseMessage {
  type: 'custom';
  message?: string;
  html?: string;
  files?: CustomAttachment[];
  images?: CustomAttachment[];
  videos?: CustomAttachment[];
}

/** A chat message as the SDKs deliver it. */
export type Message = TextMessage | ImageMessage | FileMessage | CustomMessage;

/**
 * What `sendCustomMessage` takes (RealtimeKit 2 and Dyte 3): attachments as `File`s, which the SDK
 * uploads first, or as links. Everyone receives it as a {@link CustomMessage}.
 */
export interface CustomMessagePayload {
  type: 'custom';
  message?: string;
  html?: string;
  files?: (File | string)[];
  images?: (File | string)[];
  videos?: (File | string)[];
}

/** What `sendMessage` / `editMessage` take. */
export type MessagePayload =
  { type: 'text'; message: string } | { type: 'image'; image: File } | { type: 'file'; file: File };

/** `chatUpdate` event payload. On a delete of an unknown id, `message` may be just `{ id }`. */
export interface ChatUpdateEvent {
  action: 'add' | 'edit' | 'delete';
  message: Message | { id: string; channelId?: string };
  messages: Message[];
}

/** `pinMessage` / `unpinMessage` event payload. */
export interface PinEvent {
  message: Message | { id: string; channelId?: string };
  messages: Message[];
}

/** Options of RealtimeKit's paginated fetches. */
export interface FetchMessagesOptions {
  timestamp?: number;
  limit: number;
  direction: 'before' | 'after';
}

export interface ChatRateLimits {
  /** Sends allowed per `period`. */
  maxInvocations: number;
  /** Window length in seconds. */
  period: number;
}

/**
 * The structural interface of `meeting.chat`. The common members are required; SDK-specific
 * members are optional capabilities that Natter feature-detects at run time.
 */
export interface ChatLike {
  messages: Message[];
  maxTextLimit?: number;
  readonly rateLimits?: ChatRateLimits;

  sendTextMessage(message: string, peerIds?: string[]): Promise<void>;
  sendImageMessage(image: File, peerIds?: string[]): Promise<void>;
  sendFileMessage(file: File, peerIds?: string[]): Promise<void>;
  sendMessage?(payload: MessagePayload, peerIds?: string[]): Promise<void>;
  /**
   * RealtimeKit 2 and Dyte 3. RealtimeKit drops it without an error unless the preset allows
   * text and files (`chatPublic.text && .files`, or `chatPrivate`'s for a private one).
   */
  sendCustomMessage?(payload: CustomMessagePayload, peerIds?: string[]): Promise<void>;
  editTextMessage(messageId: string, message: string): Promise<void>;
  editImageMessage?(messageId: string, image: File): Promise<void>;
  editFileMessage?(messageId: string, file: File): Promise<void>;
  editMessage?(messageId: string, payload: MessagePayload): Promise<void>;
  deleteMessage(messageId: string): Promise<void>;
  pin(messageId: string): Promise<void>;
  unpin(messageId: string): Promise<void>;

  on(event: 'chatUpdate', listener: (event: ChatUpdateEvent) => void): unknown;
  on(event: 'pinMessage' | 'unpinMessage', listener: (event: PinEvent) => void): unknown;
  off(event: 'chatUpdate', listener: (event: ChatUpdateEvent) => void): unknown;
  off(event: 'pinMessage' | 'unpinMessage', listener: (event: PinEvent) => void): unknown;

  // RealtimeKit 2
  fetchPublicMessages?(options: FetchMessagesOptions): Promise<Message[]>;
  fetchPinnedMessages?(options: FetchMessagesOptions): Promise<Message[]>;
  fetchPrivateMessages?(options: FetchMessagesOptions & { userId: string }): Promise<Message[]>;

  // Dyte web-core 3
  readonly pinned?: Message[];
  getMessages?(
    timeStamp: number,
    size: number,
    reversed: boolean,
    offset?: number,
  ): Promise<{ messages: Message[]; next: boolean }>;
  getMessagesByUser?(userId: string): Message[];
  getMessagesByType?(type: MessageKind): Message[];
  searchMessages?(query: string, filters?: object): Promise<Message[]>;
}

/** Where a stored message stands from this client's point of view. */
export type MessageStatus = 'sending' | 'sent' | 'failed';

/** What a pending (not yet confirmed) send carries besides the message fields. */
export interface PendingInfo {
  /** The file being sent, for image and file sends (previews create object URLs from it). */
  file?: File;
  /** Recipients of a private send, as passed by the caller. */
  peerIds?: string[];
}

/** A message as the store holds it: the SDK's fields plus where it stands for this client. */
export type ChatEntry = Message & {
  status: MessageStatus;
  /**
   * A key that survives the pending → confirmed swap (the pending entry's id), so a list keyed on
   * it does not re-mount the row when the server's echo replaces the pending entry.
   */
  clientKey: string;
  /**
   * A send still held by the chat object past the confirm timeout (queued while the connection is
   * down): `status` stays `sending`, nothing to retry (a Retry would send it twice).
   */
  waiting?: boolean;
  /** Why a send failed (`status: 'failed'`). */
  error?: ChatError;
  /** What a pending or failed send carries (the file, the recipients). */
  pending?: PendingInfo;
};
