/**
 * Type-level contract tests: the real SDKs' chat objects and messages must fit Natter's types.
 * `tsc -b` checks this file; if an SDK changes shape, the typecheck fails.
 */
import type RealtimeKitClient from '@cloudflare/realtimekit';
import type DyteClient from '@dytesdk/web-core';
import type { ChatLike, ChatUpdateEvent, Message } from './types';

type RtkChat = RealtimeKitClient['chat'];
type DyteChat = DyteClient['chat'];
type RtkMessage = RtkChat['messages'][number];
type DyteMessage = DyteChat['messages'][number];

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

export type RtkChatIsChatLike = Assert<Extends<RtkChat, ChatLike>>;
export type DyteChatIsChatLike = Assert<Extends<DyteChat, ChatLike>>;
export type RtkMessageIsMessage = Assert<Extends<RtkMessage, Message>>;
export type DyteMessageIsMessage = Assert<Extends<DyteMessage, Message>>;

// Values, so that an incompatibility shows the full assignment error, not just `false`.
declare const rtkChat: RtkChat;
declare const dyteChat: DyteChat;
export const rtk: ChatLike = rtkChat;
export const dyte: ChatLike = dyteChat;

// Our listener must be acceptable to each SDK's own `on` signature.
declare const listener: (event: ChatUpdateEvent) => void;
rtkChat.on('chatUpdate', listener);
dyteChat.on('chatUpdate', listener);

// The fetch capabilities keep their RealtimeKit signatures.
export const fetchPublic: ChatLike['fetchPublicMessages'] = rtkChat.fetchPublicMessages;
