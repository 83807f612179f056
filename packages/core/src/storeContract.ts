/**
 * The one contract between the store (`createChatStore`) and its actions (`createChatActions`).
 * The store creates the actions with a {@link StoreCore}; the actions give back an
 * {@link ActionsModule}. Neither writes into the other, and neither module imports the other's
 * file but this one (the store imports `createChatActions`, never the reverse). Internal: nothing
 * here is exported from `@natter/core`.
 */
import type { ChatIndex } from './chatIndex';
import type { ChatActions, ChatSelf, ChatState, ChatStoreOptions } from './chatStoreTypes';
import type { ChatEntry, ChatLike } from './types';

/** An event the store applied, as the actions see it (to confirm an edit, delete or pin). */
export type AppliedEvent = 'add' | 'edit' | 'delete' | 'pin';

/** Called for every applied event until it returns true. */
export type AppliedEventListener = (
  kind: AppliedEvent,
  entry: ChatEntry | { id: string },
) => boolean;

/** The store options with their defaults; who self is lives apart (it changes), as does `warn`. */
export type ResolvedStoreOptions = Required<
  Omit<ChatStoreOptions, 'selfUserId' | 'selfDisplayName' | 'logger'>
>;

/** What the store gives its actions. */
export interface StoreCore {
  readonly chat: ChatLike;
  /** The normalized collections; the actions change them, then `commit()`. */
  readonly index: ChatIndex;
  readonly options: ResolvedStoreOptions;
  /** Reports something the store could not apply (through `options.logger`). */
  warn(message: string, ...details: unknown[]): void;
  /** Publishes a change to the collections, plus `extra` fields. */
  commit(extra?: Partial<ChatState>): void;
  /** Publishes fields that are not messages (errors, flags): `getMessages()` stays the same. */
  update(extra: Partial<ChatState>): void;
  /** Who the local participant is now (see `ChatStore.getSelf`). */
  self(): ChatSelf | undefined;
  /** Runs `fn` for every applied event until it returns true; returns a stop function. */
  onEvent(fn: AppliedEventListener): () => void;
  /** Keeps the store attached to the SDK until the returned release is called. */
  hold(): () => void;
}

/** What the actions give the store back. */
export interface ActionsModule {
  /** The public actions, spread onto the store. */
  readonly actions: ChatActions;
  /** Sends waiting for the server (published as `sendingCount`). */
  sendingCount(): number;
  /**
   * Matches an incoming new message from self with a pending send: returns the confirmed entry
   * (with the pending entry's `clientKey`) after removing the pending one, or undefined.
   */
  reconcile(entry: ChatEntry): ChatEntry | undefined;
  /** Clears timers (the store's `destroy`). */
  dispose(): void;
}
