import type { ChatLike } from '../types';
import type { ConformanceTestApi } from './ConformanceTestApi';

/** Another participant in the same meeting. Each call resolves once the server has accepted it. */
export interface RemoteDriver {
  readonly userId: string;
  readonly displayName: string;
  sendText(text: string): Promise<void>;
  edit(messageId: string, text: string): Promise<void>;
  delete(messageId: string): Promise<void>;
  pin(messageId: string): Promise<void>;
  unpin(messageId: string): Promise<void>;
}

export interface ChatConformanceFixture {
  /** The chat under test, already joined. */
  chat: ChatLike;
  /** Who `chat` sends as. */
  self: { userId: string; displayName: string };
  remote: RemoteDriver;
  dispose(): Promise<void> | void;
}

export interface ChatConformanceOptions {
  /**
   * The test framework's functions: `import * as vitest from 'vitest'` and pass `vitest`, or
   * `{ describe, it, expect, beforeEach, afterEach }` from Jest's globals.
   */
  test: ConformanceTestApi;
  /** Whether pins also emit `pinMessage` / `unpinMessage` (RealtimeKit does, Dyte does not). Default true. */
  emitsPinEvents?: boolean;
  /** How long to wait for an event before failing. Default 2000 ms. */
  timeoutMs?: number;
}
