/**
 * Type tests of the public components and hooks of @natter/ui: the props each accepts (required,
 * optional, refused) and what the hooks return, as a user's editor sees it. `tsc -b` (the
 * `typecheck` step of CI) compiles this file; nothing here runs.
 */
import { NO_FILTER } from '@natter/core';
import type {
  ChatEntry,
  ChatError,
  ChatLike,
  ChatStore,
  IdList,
  MissedSummary as MissedSummaryData,
} from '@natter/core';
import type { ComponentProps, ReactNode, Ref } from 'react';
import { createRef } from 'react';
import { expectTypeOf } from 'vitest';
import {
  ChatPanel,
  Composer,
  DownloadChatButton,
  Message,
  MessageList,
  formatElapsed,
  useComposer,
  useComposerContext,
  useComposerControllerRef,
  useComposerDropZone,
  useListControllerRef,
  useMessageFilter,
  useStrings,
  useMissedSummary,
  useJumpToMessage,
  usePinToggle,
} from './index';
import type {
  ConversationSwitcher,
  FileChip,
  ImagePreview,
  Lightbox,
  MessageActions,
  MessageText,
  MessageTime,
  PinBar,
  PinToggle,
  ReplayView,
  StringsProvider,
  MessageFilter,
  MissedSummary,
  MeetingTimeProvider,
  AttachmentPreview,
} from './index';
import type { FilterParticipant, MessageFilterMatches, NatterStrings, PanelSlot } from './index';

/** A component used with no props at all. */
type NoProps = Record<never, never>;

declare const chat: ChatLike;
declare const store: ChatStore;
declare const entry: ChatEntry;
declare const ids: IdList;

// ChatPanel: everything optional (it reads the provider's chat); a section's own props pass through.
expectTypeOf<NoProps>().toExtend<ComponentProps<typeof ChatPanel>>();
expectTypeOf<{
  chat: ChatLike;
  theme: 'dark';
  locale: 'de';
  meetingName: 'Standup';
  strings: { send: 'Go' };
  'aria-label': 'Chat';
}>().toExtend<ComponentProps<typeof ChatPanel>>();
expectTypeOf<{ theme: 'sepia' }>().not.toExtend<ComponentProps<typeof ChatPanel>>();
// Strings are typed: a key that does not exist is refused.
expectTypeOf<{ strings: { sendd: 'Go' } }>().not.toExtend<ComponentProps<typeof ChatPanel>>();
expectTypeOf<Partial<NatterStrings>>().toEqualTypeOf<
  NonNullable<ComponentProps<typeof ChatPanel>['strings']>
>();
// Each part can be replaced by a node, or wrapped by a function of the default part.
expectTypeOf<ReactNode>().toExtend<PanelSlot>();
expectTypeOf<(part: React.ReactElement) => ReactNode>().toExtend<PanelSlot>();
// Refs reach the DOM element.
export const panel = <ChatPanel ref={createRef<HTMLElement>()} composer={(part) => part} />;

// MessageList: a chat, a store, or the provider's; an id subset; actions per row.
expectTypeOf<NoProps>().toExtend<ComponentProps<typeof MessageList>>();
expectTypeOf<{
  store: ChatStore;
  ids: IdList;
  layout: 'bubbles';
  renderActions: (entry: ChatEntry) => ReactNode;
}>().toExtend<ComponentProps<typeof MessageList>>();
expectTypeOf<{ layout: 'cards' }>().not.toExtend<ComponentProps<typeof MessageList>>();
export const list = <MessageList store={store} ids={ids} ref={createRef<HTMLDivElement>()} />;

// Message renders one message: the message is required.
expectTypeOf<NoProps>().not.toExtend<ComponentProps<typeof Message>>();
expectTypeOf<{ message: ChatEntry; origin: 'local' }>().toExtend<ComponentProps<typeof Message>>();
expectTypeOf<{ message: ChatEntry; origin: 'mine' }>().not.toExtend<
  ComponentProps<typeof Message>
>();
export const message = <Message message={entry} ref={createRef<HTMLElement>()} />;
expectTypeOf<{ text: string }>().toExtend<ComponentProps<typeof MessageText>>();
expectTypeOf<{ date: Date }>().toExtend<ComponentProps<typeof MessageTime>>();
expectTypeOf<{ date: string }>().not.toExtend<ComponentProps<typeof MessageTime>>();

// Media and files: what a user must say for the preview to be accessible.
expectTypeOf<{ src: string }>().not.toExtend<ComponentProps<typeof ImagePreview>>();
expectTypeOf<{ src: string; alt: string }>().toExtend<ComponentProps<typeof ImagePreview>>();
expectTypeOf<{ name: string; size: number; href: string }>().toExtend<
  ComponentProps<typeof FileChip>
>();
expectTypeOf<{ size: number }>().not.toExtend<ComponentProps<typeof FileChip>>();
expectTypeOf<{
  images: readonly { key: string; src: string; alt: string }[];
  index: number;
  onClose: () => void;
}>().toExtend<ComponentProps<typeof Lightbox>>();

// Composer and its headless hook.
expectTypeOf<NoProps>().toExtend<ComponentProps<typeof Composer>>();
expectTypeOf<{
  chat: ChatLike;
  draftKey: string;
  peerIds: string[];
  placeholder: string;
}>().toExtend<ComponentProps<typeof Composer>>();
export const composer = <Composer chat={chat} ref={createRef<HTMLFormElement>()} />;
export function ComposerProbe() {
  const c = useComposer({ chat });
  expectTypeOf(c.text).toBeString();
  expectTypeOf(c.setText).parameters.toEqualTypeOf<[text: string]>();
  expectTypeOf(c.submit).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(c.addFiles).parameter(0).toEqualTypeOf<Iterable<File>>();
  expectTypeOf(c.error).toEqualTypeOf<ChatError | null>();
  expectTypeOf(c.mode).toEqualTypeOf<'compose' | 'edit'>();
  expectTypeOf(c.remaining).toEqualTypeOf<number | undefined>();
  return null;
}

// Actions on a message: the message is required.
expectTypeOf<{ message: ChatEntry }>().toExtend<ComponentProps<typeof MessageActions>>();
expectTypeOf<NoProps>().not.toExtend<ComponentProps<typeof MessageActions>>();
expectTypeOf<{ messageId: string }>().toExtend<ComponentProps<typeof PinToggle>>();
export function PinProbe() {
  const pin = usePinToggle({ messageId: 'm1' });
  expectTypeOf(pin.toggle).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf(pin.state).toEqualTypeOf<'pinned' | 'unpinned'>();
  expectTypeOf(pin.getToggleProps).returns.toHaveProperty('onClick');
  const jump = useJumpToMessage();
  expectTypeOf(jump).parameters.toEqualTypeOf<[id: string]>();
  expectTypeOf(jump).returns.toEqualTypeOf<Promise<boolean>>();
  return null;
}

// The rest of the panel's parts.
expectTypeOf<{ onJump: (id: string) => void }>().toExtend<ComponentProps<typeof PinBar>>();
expectTypeOf<{ chat: ChatLike }>().toExtend<ComponentProps<typeof ConversationSwitcher>>();
expectTypeOf<{ meetingName: string }>().toExtend<ComponentProps<typeof DownloadChatButton>>();
export const download = <DownloadChatButton ref={createRef<HTMLButtonElement>()} />;
expectTypeOf<NoProps>().toExtend<ComponentProps<typeof ReplayView>>();
expectTypeOf<{ children: ReactNode; locale: string }>().toExtend<
  ComponentProps<typeof StringsProvider>
>();

// The meeting's record (issue 16): the shared filter, "what you missed", meeting-relative time.
expectTypeOf<{ onMatchesChange: (m: MessageFilterMatches) => void }>().toExtend<
  ComponentProps<typeof MessageFilter>
>();
// The filter reports its matches: it cannot be used without the callback.
expectTypeOf<NoProps>().not.toExtend<ComponentProps<typeof MessageFilter>>();
expectTypeOf<NoProps>().toExtend<ComponentProps<typeof MissedSummary>>();
expectTypeOf<{ isRead: boolean; onJump: (id: string) => void }>().toExtend<
  ComponentProps<typeof MissedSummary>
>();
expectTypeOf<{ timeFormat: 'meeting'; meetingStartedAt: Date }>().toExtend<
  ComponentProps<typeof ReplayView>
>();
expectTypeOf<{ timeFormat: 'relative' }>().not.toExtend<ComponentProps<typeof ReplayView>>();
expectTypeOf<{ startedAt: number }>().toExtend<ComponentProps<typeof MeetingTimeProvider>>();
expectTypeOf(formatElapsed).returns.toEqualTypeOf<string>();

export function RecordHooks() {
  const filtered = useMessageFilter({ filter: NO_FILTER });
  expectTypeOf(filtered.ids).toEqualTypeOf<IdList>();
  expectTypeOf(filtered.participants).toEqualTypeOf<FilterParticipant[]>();
  const { summary, kind, dismiss } = useMissedSummary({ isRead: true });
  expectTypeOf(summary).toEqualTypeOf<MissedSummaryData | null>();
  expectTypeOf(kind).toEqualTypeOf<'joined' | 'away'>();
  expectTypeOf(dismiss).returns.toBeVoid();
  return null;
}

// The composer's parts for a user's own layout: a chip per attachment, the drop zone, and the
// refs and context that let actions and panels reach the composer and the list.
expectTypeOf<{
  attachment: ComponentProps<typeof AttachmentPreview>['attachment'];
  removeButtonProps: { 'aria-label': string };
}>().toExtend<ComponentProps<typeof AttachmentPreview>>();
expectTypeOf<NoProps>().not.toExtend<ComponentProps<typeof AttachmentPreview>>();
expectTypeOf<ComponentProps<typeof AttachmentPreview>['ref']>().toEqualTypeOf<
  Ref<HTMLLIElement> | undefined
>();

export function ComposerParts() {
  const composer = useComposerContext();
  expectTypeOf(composer.isAvailable).toBeBoolean();
  expectTypeOf(composer.startEdit).parameters.toEqualTypeOf<[id: string]>();
  expectTypeOf(composer.startEdit).returns.toBeBoolean();
  expectTypeOf(composer.addFiles).parameters.toEqualTypeOf<[files: Iterable<File>]>();
  expectTypeOf(useComposerControllerRef().current?.focus).toEqualTypeOf<(() => void) | undefined>();
  expectTypeOf(useListControllerRef().current?.jumpTo).toEqualTypeOf<
    ((id: string) => Promise<boolean>) | undefined
  >();

  const drop = useComposerDropZone({ onFiles: (files: File[]) => void files });
  expectTypeOf(drop.isDragging).toBeBoolean();
  // The props it returns keep the caller's own.
  const zone = drop.getDropZoneProps({ className: 'panel', onDragEnter: () => undefined });
  expectTypeOf(zone.className).toBeString();
  // Props without a drag handler among them are taken too (no weak-type refusal).
  expectTypeOf(drop.getDropZoneProps({ id: 'panel' }).id).toBeString();
  // A drag handler of the wrong type is refused.
  // @ts-expect-error onDrop must be a drag event handler
  drop.getDropZoneProps({ onDrop: 'drop' });
  expectTypeOf(zone.onDrop).toBeFunction();

  // The provider's strings (the panel's; parts loaded on demand read their own) and locale.
  const { strings, locale } = useStrings();
  expectTypeOf(strings.send).toBeString();
  expectTypeOf(locale).toEqualTypeOf<string | undefined>();
  return null;
}
