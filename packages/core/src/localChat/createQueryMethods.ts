import type { ChatLike, Message } from '../types';
import { formatWireMessage } from './formatWireMessage';
import { pageMessages } from './pageMessages';
import type { LocalChatFlavor } from './types';

export interface QueryContext {
  /** The server's full log, oldest first. */
  log(): readonly Message[];
  /** The client side, whose `messages` the Dyte helpers filter. */
  client: { messages: Message[] };
  selfUserId: string;
  flavor: LocalChatFlavor;
  now(): number;
}

const isPublic = (m: Message): boolean => !m.targetUserIds?.length;

/** RealtimeKit's paginated fetches, served from the server's log (fresh objects on every call). */
export function createFetchMethods(
  context: QueryContext,
): Required<
  Pick<ChatLike, 'fetchPublicMessages' | 'fetchPinnedMessages' | 'fetchPrivateMessages'>
> {
  const { log, flavor, now, selfUserId } = context;
  // The SDK's defaults: `timestamp` now, `direction` 'after'.
  const page = (
    messages: readonly Message[],
    timestamp: number | undefined,
    limit: number,
    direction = 'after',
  ) =>
    pageMessages(messages, timestamp ?? now(), limit, direction === 'before').messages.map((m) =>
      formatWireMessage(m, flavor),
    );
  return {
    fetchPublicMessages: async ({ timestamp, limit, direction }) =>
      page(log().filter(isPublic), timestamp, limit, direction),
    fetchPinnedMessages: async ({ timestamp, limit, direction }) =>
      page(
        log().filter((m) => m.pinned),
        timestamp,
        limit,
        direction,
      ),
    fetchPrivateMessages: async ({ timestamp, limit, direction, userId }) => {
      const between = (m: Message): boolean =>
        !isPublic(m) &&
        m.targetUserIds?.includes(selfUserId) === true &&
        (m.userId === userId || m.targetUserIds.includes(userId));
      return page(log().filter(between), timestamp, limit, direction);
    },
  };
}

/** Dyte web-core 3's query helpers (the `pinned` getter is added by the caller). */
export function createDyteQueries(
  context: QueryContext,
): Required<
  Pick<ChatLike, 'getMessages' | 'getMessagesByUser' | 'getMessagesByType' | 'searchMessages'>
> {
  const { log, client, flavor, now } = context;
  return {
    async getMessages(timeStamp, size, reversed, offset = 0) {
      const { messages, next } = pageMessages(
        log().filter(isPublic),
        timeStamp,
        size,
        reversed,
        offset,
      );
      return { messages: messages.map((m) => formatWireMessage(m, flavor)), next };
    },
    getMessagesByUser: (userId) => client.messages.filter((m) => m.userId === userId),
    getMessagesByType: (type) => client.messages.filter((m) => m.type === type),
    /** Case-insensitive substring search over public text; Dyte's defaults: newest 75 before now. */
    async searchMessages(
      query,
      filters: { timestamp?: number; size?: number; reversed?: boolean } = {},
    ) {
      const needle = query.toLowerCase();
      const hits = log().filter(
        (m) =>
          isPublic(m) &&
          (m.type === 'text' || m.type === 'custom') &&
          m.message?.toLowerCase().includes(needle),
      );
      const { messages } = pageMessages(
        hits,
        filters.timestamp ?? now() + 1,
        filters.size ?? 75,
        filters.reversed ?? true,
      );
      return messages.map((m) => formatWireMessage(m, flavor));
    },
  };
}
