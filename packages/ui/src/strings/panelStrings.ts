import { formatCount as n, plural } from './plural';

/** Visible strings of the composer, pin bar, message actions, download button and panel. */
export const panelStrings = {
  panelTitle: 'Chat',
  composerLabel: 'Message',
  composerPlaceholder: 'Write a message…',
  composerHint: 'Enter sends, Shift+Enter adds a line, Up edits your last message.',
  send: 'Send',
  attach: 'Attach files',
  attachments: 'Attachments',
  removeAttachment: (name: string) => `Remove ${name}`,
  caption: 'Add a caption',
  charactersLeft: (left: number) =>
    left >= 0
      ? plural('en', left, { one: '# character left', other: '# characters left' })
      : plural('en', -left, {
          one: '# character over the limit',
          other: '# characters over the limit',
        }),
  editing: 'Editing message',
  cancelEdit: 'Cancel editing',
  saveEdit: 'Save',
  dropFiles: 'Drop files to attach',
  /** The actions button of a message from `sender` (`You` for own messages). */
  messageActions: (sender: string) => `Message actions: ${sender}`,
  edit: 'Edit',
  delete: 'Delete',
  deleteConfirmTitle: 'Delete this message?',
  deleteConfirmBody: 'It will be removed for everyone.',
  cancel: 'Cancel',
  pin: 'Pin',
  unpin: 'Unpin',
  copyText: 'Copy text',
  replaceImage: 'Replace image',
  replaceFile: 'Replace file',
  copied: 'Copied',
  copyFailed: 'The text could not be copied.',
  pinnedMessages: (count: number) =>
    plural('en', count, { one: '# pinned message', other: '# pinned messages' }),
  pinPosition: (index: number, total: number) => `${n(index, 'en')} of ${n(total, 'en')}`,
  previousPin: 'Previous pinned message',
  nextPin: 'Next pinned message',
  jumpToPinned: 'Go to pinned message',
  imageExcerpt: 'Image',
  messageExcerpt: 'Message',
  downloadChat: 'Download chat',
  /** The exported file's name, without `.csv`; `day` is `2026-11-30`. */
  chatFileName: (meeting: string | undefined, day: string) =>
    meeting ? `${meeting} chat ${day}` : `Chat ${day}`,
  downloadingChat: (percent: number | undefined) =>
    percent === undefined ? 'Downloading…' : `Downloading… ${percent}%`,
  downloadProgress: 'Download progress',
  preparingDownload: 'Preparing download…',
  downloadFailed: 'Download failed',
  downloadDone: 'Chat downloaded',
  cancelDownload: 'Cancel download',
  /** The panel header's button that opens the filter bar (participant, type, pinned, text). */
  filterMessages: 'Filter',
  /** The menu button beside "Download chat" (what, format, names, times, all files). */
  exportOptions: 'Export options',
};
