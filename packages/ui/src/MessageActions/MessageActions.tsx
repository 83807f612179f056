'use client';
import { Suspense, forwardRef, lazy, useEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { CHAT_IMAGE_TYPES, toChatError } from '@natter/core';
import type { ChatEntry } from '@natter/core';
import { useChatPermissions, useChatStore } from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';
import { useComposerContext } from '../Composer/ComposerContext';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { useSelfOf } from '../utils/useSelfOf';
import { useMenu } from './useMenu';
import { usePinToggle } from './usePinToggle';

export interface MessageActionsProps extends ComponentPropsWithoutRef<'div'>, ChatHookOptions {
  /** The message the menu acts on (`useMessage({ id })`, or `MessageList`'s `renderActions` argument). */
  message: ChatEntry;
  /**
   * Offer Pin / Unpin. Default: as the meeting's rule allows (`useChatPermissions().canAct`;
   * the dev server: author or host); never for a bare chat.
   */
  canPin?: boolean | undefined;
  /** Offer Edit on other people's messages. Default: as the meeting's rule allows. */
  canEditOthers?: boolean | undefined;
  /** Offer Delete on other people's messages. Default: as the meeting's rule allows. */
  canDeleteOthers?: boolean | undefined;
}

interface Item {
  key: 'edit' | 'replace' | 'pin' | 'copy' | 'delete';
  label: string;
  onSelect(): void;
}

const STATUS_MS = 2000;

/** Loaded on the first Delete: most menus never open it. */
const ConfirmDialog = lazy(() =>
  import('./ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })),
);
/** Loaded on the first Replace image / Replace file. */
const ReplaceDialog = lazy(() =>
  import('./ReplaceDialog').then((m) => ({ default: m.ReplaceDialog })),
);
/** The image types the SDKs send as images (as the composer's default). */
const IMAGE_ACCEPT = CHAT_IMAGE_TYPES.join(',');

function textOf(message: ChatEntry): string | undefined {
  if (message.type === 'text') return message.message;
  if (message.type === 'custom' && message.message) return message.message;
  return undefined;
}

/**
 * The per-message menu: Edit (in the composer, through `ComposerContext`), Replace image / Replace
 * file (own attachments: pick a file, preview, confirm), Pin / Unpin, Copy text and Delete (after a
 * confirmation), each offered only where the meeting's rules allow. Renders nothing when no
 * action applies. Pass it to `MessageList` as `renderActions`.
 *
 * @example
 * ```tsx
 * <MessageList renderActions={(m) => <MessageActions message={m} canPin />} />
 * ```
 */
export const MessageActions = forwardRef<HTMLDivElement, MessageActionsProps>(
  function MessageActions(
    {
      message,
      canPin,
      canEditOthers,
      canDeleteOthers,
      chat,
      store: storeOption,
      className,
      ...rest
    },
    ref,
  ) {
    const { strings } = useStrings();
    const hookOptions = { chat, store: storeOption };
    const store = useChatStore(hookOptions);
    // Own messages are those of the store's self (see `ChatStore.getSelf`).
    const self = useSelfOf(store);
    const composer = useComposerContext();
    const pin = usePinToggle({ ...hookOptions, messageId: message.id });
    const permissions = useChatPermissions();
    const [confirming, setConfirming] = useState<Element | null>(null);
    const [replacing, setReplacing] = useState<{ file: File; container: Element } | null>(null);
    const fileInputRef = useRef<HTMLInputElement | null>(null);
    const [status, setStatus] = useState('');
    const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
    useEffect(() => () => clearTimeout(timer.current), []);

    const say = (text: string) => {
      setStatus(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(''), STATUS_MS);
    };

    const own = self !== undefined && message.userId === self;
    // The meeting's rule decides; an explicit prop overrides it for others' messages.
    const may = (action: 'edit' | 'delete', others: boolean | undefined) =>
      (own ? undefined : others) ?? permissions.canAct(action, message);
    const mayEdit = permissions.canSendText() && may('edit', canEditOthers);
    const mayDelete = may('delete', canDeleteOthers);
    const mayPin = canPin ?? permissions.canAct(pin.isPinned ? 'unpin' : 'pin', message);
    const sent = message.status === 'sent';
    const text = textOf(message);
    const attachment = message.type === 'image' || message.type === 'file' ? message.type : null;
    const audience = message.targetUserIds?.length ? 'private' : 'everyone';
    const mayReplace =
      own && sent && permissions.canSendFiles(audience) && permissions.canAct('edit', message);
    const items: Item[] = [];
    if (composer.isAvailable && message.type === 'text' && sent && mayEdit) {
      items.push({
        key: 'edit',
        label: strings.edit,
        onSelect: () => {
          if (composer.startEdit(message.id)) composer.focus();
          else menu.close(true);
        },
      });
    }
    if (attachment && mayReplace) {
      items.push({
        key: 'replace',
        label: attachment === 'image' ? strings.replaceImage : strings.replaceFile,
        onSelect: () => fileInputRef.current?.click(),
      });
    }
    if (mayPin && sent) {
      items.push({
        key: 'pin',
        label: pin.isPinned ? strings.unpin : strings.pin,
        onSelect: () => {
          void pin.toggle();
          menu.close(true);
        },
      });
    }
    if (text !== undefined && text !== '') {
      items.push({
        key: 'copy',
        label: strings.copyText,
        onSelect: () => {
          menu.close(true);
          const clipboard = globalThis.navigator?.clipboard;
          if (!clipboard) return say(strings.copyFailed);
          clipboard.writeText(text).then(
            () => say(strings.copied),
            () => say(strings.copyFailed),
          );
        },
      });
    }
    if (mayDelete) {
      items.push({
        key: 'delete',
        label: strings.delete,
        onSelect: () => {
          setConfirming(themedContainer());
        },
      });
    }
    const menu = useMenu({ itemCount: items.length });

    // A failed pin is worth saying; the list shows the rest.
    const pinError = pin.error?.message ?? '';
    if (items.length === 0) return null;

    const themedContainer = () =>
      menu.buttonRef.current?.closest('[data-natter-theme]') ?? document.body;
    // Replaced or not, focus goes back to the menu button; the row then shows "edited".
    const closeReplace = () => {
      setReplacing(null);
      menu.buttonRef.current?.focus();
    };
    const replaceWith = (file: File) =>
      store.edit(
        message.id,
        attachment === 'image' ? { type: 'image', image: file } : { type: 'file', file },
      );

    const cancelDelete = () => {
      setConfirming(null);
      menu.buttonRef.current?.focus();
    };
    const confirmDelete = () => {
      setConfirming(null);
      composer.focus(); // the row (and this button) is about to go
      store.remove(message.id).catch((caught: unknown) => say(toChatError(caught).message));
    };

    return (
      <div
        ref={ref}
        {...rest}
        className={cx('natter-actions', className)}
        data-state={menu.isOpen ? 'open' : 'closed'}
      >
        <button
          {...menu.getButtonProps()}
          className="natter-actions__button"
          aria-label={strings.messageActions(
            own ? strings.you : message.displayName || message.userId,
          )}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="5" cy="12" r="1.8" />
            <circle cx="12" cy="12" r="1.8" />
            <circle cx="19" cy="12" r="1.8" />
          </svg>
        </button>
        {menu.isOpen ? (
          <div {...menu.getMenuProps()} className="natter-actions__menu">
            {items.map((item, index) => (
              <button
                key={item.key}
                {...menu.getItemProps(index, item.onSelect)}
                className="natter-actions__item"
                data-action={item.key}
              >
                {item.label}
              </button>
            ))}
          </div>
        ) : null}
        {attachment && mayReplace ? (
          <input
            ref={fileInputRef}
            type="file"
            hidden
            tabIndex={-1}
            aria-label={attachment === 'image' ? strings.replaceImage : strings.replaceFile}
            accept={attachment === 'image' ? IMAGE_ACCEPT : undefined}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = ''; // the same file can be picked again
              if (file) setReplacing({ file, container: themedContainer() });
            }}
          />
        ) : null}
        <span className="natter-actions__status" role="status">
          {status || pinError}
        </span>
        {confirming ? (
          <Suspense fallback={null}>
            <ConfirmDialog
              title={strings.deleteConfirmTitle}
              body={strings.deleteConfirmBody}
              confirmLabel={strings.delete}
              cancelLabel={strings.cancel}
              onConfirm={confirmDelete}
              onCancel={cancelDelete}
              container={confirming}
            />
          </Suspense>
        ) : null}
        {replacing && attachment ? (
          <Suspense fallback={null}>
            <ReplaceDialog
              kind={attachment}
              file={replacing.file}
              onReplace={replaceWith}
              onClose={closeReplace}
              container={replacing.container}
            />
          </Suspense>
        ) : null}
      </div>
    );
  },
);
