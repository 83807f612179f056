import type { Logger } from '../logger';
import type {
  ChatLike,
  ChatRateLimits,
  ChatUpdateEvent,
  CustomMessage,
  Message,
  PinEvent,
} from '../types';
import type { LocalChatClock } from './createManualClock';

/** Which SDK the local chat imitates: event details and the optional methods differ. */
export type LocalChatFlavor = 'realtimekit' | 'dyte';

/** A meeting participant as the local chat knows it. `peerId` defaults to `userId`. */
export interface LocalParticipant {
  userId: string;
  displayName: string;
  peerId?: string;
}

/** Which optional method families exist on the chat object (absent means `'x' in chat` is false). */
export interface LocalChatCapabilities {
  /** RealtimeKit's `fetchPublicMessages` / `fetchPinnedMessages` / `fetchPrivateMessages`. */
  fetchMessages: boolean;
  /** Dyte's `getMessages`, `getMessagesByUser`, `getMessagesByType`, `pinned`, `searchMessages`. */
  dyteQueries: boolean;
}

/** How a send made to fail fails: `reject` rejects the returned promise, `drop` resolves but the message never arrives. */
export type FailMode = 'reject' | 'drop';

export interface LocalChatOptions {
  /** The local participant. Default `{ userId: 'user-self', displayName: 'You' }`. */
  self?: LocalParticipant;
  /** The other participants (senders of simulated and generated messages). Default: four sample people. */
  participants?: LocalParticipant[];
  /** History present when "joining": messages, or a count of deterministic sample messages to generate. */
  history?: Message[] | number;
  /** How much of the history lands in `messages` on join; the rest is only reachable by fetching. Default 1000, as RealtimeKit. */
  joinHistoryLimit?: number;
  /** Seed of ids, generated text and simulated choices. Default 1. */
  seed?: number;
  /** Start time of the default clock (real timers, shifted time). Ignored when `clock` is given. */
  now?: number | Date;
  /** Time and timers. Default: the system clock. Use `createManualClock()` for full determinism. */
  clock?: LocalChatClock;
  /** Delay between the server accepting something and its broadcast arriving. Default 0 (a 0 ms timer). */
  latencyMs?: number;
  /** Default 2000, the SDKs' own default. */
  maxTextLimit?: number;
  /** `sendTextMessage` rate limit. Default `{ maxInvocations: 180, period: 60 }`, the SDKs' own default. */
  rateLimits?: ChatRateLimits;
  /** Default `'realtimekit'`. */
  flavor?: LocalChatFlavor;
  /** Override the method families the flavor implies, e.g. both `false` for a chat with neither. */
  capabilities?: Partial<LocalChatCapabilities>;
  /** Make the first send fail this way. */
  failNext?: FailMode;
  /** Where the SDK-style "logged and ignored" cases are reported. Default: silent. */
  logger?: Logger;
}

/** A message "sent by someone else", for `simulate.receive`. Give exactly one of `text`, `image`, `file`, `custom`. */
export interface SimulatedMessageInput {
  /** Default: a seeded pick from `participants`. */
  userId?: string;
  /** Default: the participant's name, else `userId`. */
  displayName?: string;
  text?: string;
  image?: File;
  file?: File;
  custom?: Omit<CustomMessage, 'id' | 'type' | 'userId' | 'displayName' | 'time' | 'timeMs'>;
  /** A private message from the sender to the local participant. */
  private?: boolean;
}

export interface ConversationOptions {
  /** Time between two simulated actions. Default 2500. */
  intervalMs?: number;
  /** Stop by itself after this many actions. Default: never. */
  maxActions?: number;
}

/** Drives the simulated server and the other participants. */
export interface LocalChatSimulator {
  /** Another participant sends a message; returns it as stored. The event arrives after the latency. */
  receive(input: SimulatedMessageInput): Message;
  /** Another participant edits a message's text. Throws `0504` for an unknown id. */
  edit(messageId: string, text: string): Message;
  /** Another participant deletes a message. An unknown id is broadcast like a known one. */
  delete(messageId: string): void;
  /** Another participant pins a message. Throws `0504` for an unknown id. */
  pin(messageId: string): Message;
  /** Another participant unpins a message. Throws `0504` for an unknown id. */
  unpin(messageId: string): Message;
  /** Replaces the server's log and `messages` as a (re)join does: no events. */
  loadHistory(history: Message[] | number): void;
  /** Makes the next send fail. Calls queue up: each one fails one send. */
  failNext(mode?: FailMode, error?: Error): void;
  setLatency(ms: number): void;
  /** Delivers every pending broadcast now, in order. */
  flush(): void;
  /** Broadcasts accepted but not delivered yet. */
  readonly pendingDeliveries: number;
  /** Participants chat, edit, pin and delete now and then. Returns a function that stops them. */
  startConversation(options?: ConversationOptions): () => void;
}

export interface LocalChatEvents {
  chatUpdate: ChatUpdateEvent;
  pinMessage: PinEvent;
  unpinMessage: PinEvent;
}

type On = <E extends keyof LocalChatEvents>(
  event: E,
  listener: (event: LocalChatEvents[E]) => void,
) => LocalChat;

/** An in-process `meeting.chat` look-alike. See `createLocalChat`. */
export interface LocalChat extends ChatLike {
  readonly flavor: LocalChatFlavor;
  readonly self: Readonly<LocalParticipant>;
  readonly participants: readonly Readonly<LocalParticipant>[];
  maxTextLimit: number;
  readonly rateLimits: ChatRateLimits;
  setMaxTextLimit(limit: number): void;
  updateRateLimits(maxInvocations: number, period: number): void;
  on: On;
  off: On;
  addListener: On;
  removeListener: On;
  once: On;
  listenerCount(event: keyof LocalChatEvents): number;
  readonly simulate: LocalChatSimulator;
  /** Stops timers and conversations, revokes the object URLs it made, removes all listeners. */
  dispose(): void;
}
