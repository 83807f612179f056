/**
 * The chat protocol the harness server speaks with `meeting.chat`: event ids and wire shapes.
 *
 * Chat event ids are `(1 << 16) + n` in both SDKs (RealtimeKit 2.0.2 `Je = wc(UI = 1, qI)`, Dyte
 * 3.1.11 `Re = Kn($A = 1, GA)`), read from their bundles:
 *
 * | n  | event                  | request                              | answer / broadcast                      |
 * |----|------------------------|--------------------------------------|-----------------------------------------|
 * | 0  | getMessages            | (none)                               | GetChatMessagesResponse {messages}      |
 * | 1  | sendMessageToRoom      | SendChatMessageToRoomRequest         | SendChatMessageToRoomResponse {message} |
 * | 2  | sendMessageToPeers     | SendChatMessageToPeersRequest        | SendChatMessageToPeersResponse          |
 * | 3  | editMessage            | EditChatMessageRequest               | EditChatMessageResponse {message}       |
 * | 4  | deleteMessage          | DeleteChatMessageRequest {chatId}    | DeleteChatMessageResponse {chatId}      |
 * | 5  | getPaginatedMessages   | GetPaginatedChatMessageRoomRequest   | GetPaginatedChatMessageRoomResponse     |
 * | 7  | searchChannelMessages  | SearchChatMessagesRequest            | GetChatMessagesResponse                 |
 * | 10 | pinMessage             | PinChatMessageRequest {chatId,pinned}| PinChatMessageResponse                  |
 *
 * This file holds those ids and the message shapes on the wire; `chatServer.ts` serves them.
 */

const chat = (n: number): number => (1 << 16) + n;

export const CHAT_EVENTS = {
  getMessages: chat(0),
  sendMessageToRoom: chat(1),
  sendMessageToPeers: chat(2),
  editMessage: chat(3),
  deleteMessage: chat(4),
  getPaginatedMessages: chat(5),
  searchChannelMessages: chat(7),
  pinMessage: chat(10),
} as const;

/** Socket-service error event (`rg` in the bundles). */
export const SOCKET_ERROR_EVENT = 0xffff;

/** `socket.chat.ChatMessage`, field for field. */
export interface WireChatMessage {
  chatId: string;
  peerId: string;
  userId: string;
  displayName: string;
  pinned: boolean;
  isEdited: boolean;
  /** 0 text, 1 image, 2 file (JSON {link,name,size}), 3 custom (JSON). */
  payloadType: number;
  payload: string;
  targetUserIds: string[];
  /** Seconds. */
  createdAt: number;
  createdAtMs?: number;
  channelId?: string;
  channelIndex?: string;
}

/** A message as tests describe it (history, remote sends). */
export type ServerMessageInput = {
  id?: string;
  userId: string;
  displayName: string;
  peerId?: string;
  /** Defaults to now; later history entries should have later times. */
  time?: Date | number;
  pinned?: boolean;
  isEdited?: boolean;
  targetUserIds?: string[];
} & (
  | { type?: 'text'; text: string }
  | { type: 'image'; link: string }
  | { type: 'file'; link: string; name: string; size: number }
  | { type: 'custom'; payload: Record<string, unknown> }
);

/** What the SDK sent, decoded with its own request types. */
export interface ReceivedChatRequest {
  event: keyof typeof CHAT_EVENTS;
  id: string | undefined;
  request: Record<string, unknown>;
}

export interface ChatListener {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

/** An event the SDK emitted on `meeting.chat`, with its name. */
export interface EmittedChatEvent {
  name: 'chatUpdate' | 'pinMessage' | 'unpinMessage';
  payload: unknown;
}

let counter = 0;
export const nextId = (): string => `msg-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function toWire(input: ServerMessageInput): WireChatMessage {
  const ms =
    input.time === undefined
      ? Date.now()
      : input.time instanceof Date
        ? input.time.getTime()
        : input.time;
  let payloadType = 0;
  let payload: string;
  switch (input.type) {
    case undefined:
    case 'text':
      payload = input.text;
      break;
    case 'image':
      payloadType = 1;
      payload = input.link;
      break;
    case 'file':
      payloadType = 2;
      payload = JSON.stringify({ link: input.link, name: input.name, size: input.size });
      break;
    case 'custom':
      payloadType = 3;
      payload = JSON.stringify(input.payload);
      break;
  }
  return {
    chatId: input.id ?? nextId(),
    peerId: input.peerId ?? `peer-${input.userId}`,
    userId: input.userId,
    displayName: input.displayName,
    pinned: input.pinned ?? false,
    isEdited: input.isEdited ?? false,
    payloadType,
    payload,
    targetUserIds: input.targetUserIds ?? [],
    createdAt: Math.floor(ms / 1000),
    createdAtMs: ms,
  };
}
