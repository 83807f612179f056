import type { ChatHub } from './createChatHub';
import type { FileStore } from './createFileStore';
import type { MessageStore } from './createMessageStore';
import type { TokenSigner } from './createTokenSigner';
import type { ServerContext } from './types';

/** What every HTTP route handler gets. */
export interface RouteContext extends ServerContext {
  store: MessageStore;
  files: FileStore;
  hub: ChatHub;
  signer: TokenSigner;
  /** A signed `chat_download_url` for a session and when it expires. */
  downloadLink(sessionId: string): { url: string; expiresAt: Date };
}
