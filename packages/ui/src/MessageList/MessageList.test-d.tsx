/**
 * MessageList's TSDoc example, as written there, so a prop rename breaks `tsc -b` (CI's typecheck)
 * instead of the documentation. Nothing here runs.
 */
import type { ChatLike } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { MessageActions } from '../MessageActions/MessageActions';
import { MessageList } from './MessageList';

declare const meeting: { chat: ChatLike; self: { userId: string } };

export const example = (
  <ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
    <MessageList renderActions={(entry) => <MessageActions message={entry} />} />
  </ChatProvider>
);
