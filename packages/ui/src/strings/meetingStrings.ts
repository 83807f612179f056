/** Visible strings of meeting features: permissions, participants, private conversations. */
export const meetingStrings = {
  /** Shown instead of the composer when the host has turned chat off. */
  chatOff: 'The host has turned off chat',
  /** Shown instead of the composer when private messages to this person are not allowed. */
  privateChatOff: 'The host has turned off private messages',
  /** The composer's placeholder when only files may be sent. */
  textOff: 'Only files can be sent here',
  filesOff: 'The host has turned off files',
};
