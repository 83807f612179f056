import { formatCount, plural } from './plural';

/** Visible strings of meeting features: permissions, participants, private conversations. */
export const meetingStrings = {
  /** Shown instead of the composer when the host has turned chat off. */
  chatOff: 'The host has turned off chat',
  /** Shown instead of the composer when private messages to this person are not allowed. */
  privateChatOff: 'The host has turned off private messages',
  /** The composer's placeholder when only files may be sent. */
  textOff: 'Only files can be sent here',
  filesOff: 'The host has turned off files',
  /** The public conversation, in the conversation switcher and the composer's recipient choice. */
  everyone: 'Everyone',
  /** The conversation switcher's label. */
  conversations: 'Conversations',
  /** The divider between the history that was there when you joined and what came after. */
  joinedHere: 'You joined here',
  /** The composer's recipient choice. */
  recipient: 'To',
  /** Shown instead of the composer when the other person of a private conversation has left. */
  recipientLeft: (name: string) =>
    `${name} has left the meeting: private messages no longer reach them`,
  /** The composer's placeholder in a private conversation: who will read it. */
  privatePlaceholder: (name: string) => `Private message to ${name}`,
  /** A conversation's unread messages (read by screen readers beside the badge). */
  unreadCount: (count: number) => `${formatCount(count, 'en')} unread`,
  /** The marker on a private message someone sent you. */
  privateToYou: 'Private to you',
  /** The marker on a message that mentions you (beside the highlight, so not by colour alone). */
  mentionsYou: 'Mentions you',
  /** Announced (politely) when a message mentioning you arrives. */
  mentionedYou: (name: string) => `${name} mentioned you`,
  /** The label of the list of people the composer offers after `@`. */
  mentionList: 'People to mention',
  /** Announced as the list of people to mention changes (0: no one matches). */
  mentionCount: (count: number) =>
    count === 0 ? 'No one matches' : plural('en', count, { one: '# person', other: '# people' }),
};
