export { DownloadChatButton } from './DownloadChatButton';
export type { DownloadChatButtonProps } from './DownloadChatButton';
