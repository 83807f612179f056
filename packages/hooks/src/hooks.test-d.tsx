/**
 * Type tests of the public hooks: what each accepts and returns, as a user's editor sees it.
 * `tsc -b` (the `typecheck` step of CI) compiles this file; nothing here runs.
 */
import type {
  ChatEntry,
  ChatError,
  ChatLike,
  ChatState,
  ChatStatus,
  ChatStore,
  IdList,
  MeetingLike,
  MessageKind,
  Participant,
  SendOutcome,
} from '@natter/core';
import { expectTypeOf } from 'vitest';
import {
  ChatProvider,
  EVERYONE,
  useChat,
  useChatExport,
  useChatPermissions,
  useChatSelector,
  useChatStore,
  useConversations,
  useMessage,
  useMessageIds,
  useMessagesByType,
  useMessagesByUser,
  useParticipants,
  usePinned,
  useSelfUserId,
  useUnreadCount,
} from './index';
import type { ChatHookOptions, ChatProviderProps, MeetingHookOptions } from './index';

declare const chat: ChatLike;
declare const meeting: MeetingLike;
declare const store: ChatStore;

// ChatProvider: a chat, or a meeting (whose chat it reads); never neither.
expectTypeOf<{ chat: ChatLike; children: null }>().toExtend<ChatProviderProps>();
expectTypeOf<{ meeting: MeetingLike; children: null }>().toExtend<ChatProviderProps>();
expectTypeOf<{ children: null }>().not.toExtend<ChatProviderProps>();
// Message rules override what a meeting's presets say, so they need a meeting.
expectTypeOf<{
  chat: ChatLike;
  messageRules: { edit: 'any' };
  children: null;
}>().not.toExtend<ChatProviderProps>();
export const provided = (
  <ChatProvider meeting={meeting} chat={chat}>
    {null}
  </ChatProvider>
);

// Every store hook takes one optional options object: the provider's chat, or another one.
expectTypeOf(useChat).parameters.toEqualTypeOf<[options?: ChatHookOptions]>();
expectTypeOf<{ chat: ChatLike }>().toExtend<ChatHookOptions>();
expectTypeOf<{ store: ChatStore }>().toExtend<ChatHookOptions>();
expectTypeOf<{ chat: string }>().not.toExtend<ChatHookOptions>();

// Hooks are called where a user calls them: in a component.
export function Probe() {
  const chatResult = useChat({ store });
  expectTypeOf(chatResult.messages).toEqualTypeOf<readonly ChatEntry[]>();
  expectTypeOf(chatResult.status).toEqualTypeOf<ChatStatus>();
  expectTypeOf(chatResult.error).toEqualTypeOf<ChatError | null>();
  expectTypeOf(chatResult.loadOlder).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(chatResult.sendText).parameter(0).toBeString();
  expectTypeOf(chatResult.sendText).returns.toEqualTypeOf<Promise<ChatEntry>>();
  // The store's teardown is not the component's to call.
  expectTypeOf(chatResult).not.toHaveProperty('dispose');
  expectTypeOf<ChatStore>().not.toHaveProperty('dispose');
  // The state publishes what a user reads, nothing of the store's bookkeeping.
  expectTypeOf<ChatState>().not.toHaveProperty('messagesRevision');
  // The store says what became of a send, at once.
  expectTypeOf(chatResult.validate).returns.toEqualTypeOf<ChatError | null>();
  expectTypeOf(chatResult.submit).returns.toEqualTypeOf<SendOutcome>();

  expectTypeOf(useMessageIds()).toEqualTypeOf<IdList>();
  // One options object, as every hook takes (DESIGN 5.4).
  expectTypeOf(useMessage).parameter(0).toHaveProperty('id').toEqualTypeOf<string>();
  expectTypeOf(useMessage({ id: 'm1' })).toEqualTypeOf<ChatEntry | undefined>();
  expectTypeOf(useMessagesByUser({ userId: 'user-1', store })).toEqualTypeOf<
    readonly ChatEntry[]
  >();
  expectTypeOf(useMessagesByType).parameter(0).toHaveProperty('type').toEqualTypeOf<MessageKind>();
  expectTypeOf(useMessagesByType({ type: 'image' })).toEqualTypeOf<readonly ChatEntry[]>();

  const pinned = usePinned();
  expectTypeOf(pinned.pinned).toEqualTypeOf<readonly ChatEntry[]>();
  expectTypeOf(pinned.toggle).parameters.toEqualTypeOf<[id: string]>();
  expectTypeOf(pinned.toggle).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(pinned.isPinned).returns.toBeBoolean();

  const exporter = useChatExport({ meetingName: 'Standup' });
  expectTypeOf(exporter.download).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(exporter.abort).returns.toBeVoid();
  expectTypeOf(exporter.hasReplay).toBeBoolean();
  expectTypeOf(exporter.progress).toExtend<{ loaded: number; total: number | undefined } | null>();

  expectTypeOf(useSelfUserId()).toEqualTypeOf<string | undefined>();

  // Meeting hooks read the provider's meeting (or one passed in).
  expectTypeOf(useChatPermissions).parameters.toEqualTypeOf<[options?: MeetingHookOptions]>();
  const permissions = useChatPermissions();
  expectTypeOf(permissions.canSend).parameters.toEqualTypeOf<[audience?: 'everyone' | 'private']>();
  expectTypeOf(permissions.canAct)
    .parameter(0)
    .toEqualTypeOf<'edit' | 'delete' | 'pin' | 'unpin'>();
  expectTypeOf(permissions.isMeeting).toBeBoolean();

  const people = useParticipants();
  expectTypeOf(people.participants).toEqualTypeOf<readonly Participant[]>();
  expectTypeOf(people.nameOf).returns.toBeString();
  expectTypeOf(people.get('u1')).toEqualTypeOf<Participant | undefined>();

  const conversations = useConversations();
  expectTypeOf(conversations.active).toBeString();
  expectTypeOf(conversations.current.unread).toBeNumber();
  expectTypeOf(conversations.setActive).parameters.toEqualTypeOf<[key: string]>();
  // The key of the public conversation, beside each private one's.
  expectTypeOf(EVERYONE).toBeString();
  expectTypeOf(conversations.conversations).items.toHaveProperty('key').toBeString();

  // The store itself, and any slice of its state, for a user's own hooks.
  expectTypeOf(useChatStore).parameters.toEqualTypeOf<[options?: ChatHookOptions]>();
  const own = useChatStore();
  expectTypeOf(own).toEqualTypeOf<ChatStore>();
  expectTypeOf(useChatSelector(own, (s) => s.ids.length)).toBeNumber();
  expectTypeOf(useChatSelector(own, (s) => s.byType.file)).toEqualTypeOf<IdList>();
  // The selector reads the state; an equality function compares what it returned.
  expectTypeOf(useChatSelector<readonly string[]>)
    .parameter(2)
    .toEqualTypeOf<((a: readonly string[], b: readonly string[]) => boolean) | undefined>();

  const unread = useUnreadCount({ isRead: false });
  expectTypeOf(unread.count).toBeNumber();
  expectTypeOf(unread.markRead).returns.toBeVoid();
  return null;
}
