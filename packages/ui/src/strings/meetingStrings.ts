import { formatCount } from './plural';

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
};
