'use client';
import { forwardRef, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent, MouseEvent } from 'react';
import { exportChoices } from '@natter/core';
import type { ChatExportChoice } from '@natter/core';
import { useChatExport } from '@natter/hooks';
import type { UseChatExportOptions } from '@natter/hooks';
import { useMenu } from '../MessageActions/useMenu';
import type * as ExportMenuModule from './ExportMenu';
import type { ExportMenuStrings } from './ExportMenu';

type MenuModule = typeof ExportMenuModule;
import { useStrings } from '../strings';
import { composeHandlers } from '../utils/composeHandlers';
import { cx } from '../utils/cx';
import type { NatterTheme } from '../utils/theme';
import { useMergedRefs } from '../utils/useMergedRefs';

export interface DownloadChatButtonProps
  extends ComponentPropsWithoutRef<'button'>, UseChatExportOptions {
  /**
   * The saved file's name. Default: the meeting's title and the date in the strings' language,
   * `Standup chat 2026-11-30.csv` (`Chat 2026-11-30.csv` without a title), made safe for every OS.
   */
  filename?: string;
  /**
   * The export menu's words, over the locale's (`strings.exportScopes`, `exportAll`, …, in every
   * shipped locale; loaded with the menu).
   */
  menuStrings?: Partial<ExportMenuStrings> | undefined;
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
}

/**
 * Downloads the session's chat as CSV (the Chat Replay API through your app's endpoint, or the
 * live messages when no endpoint is configured) and saves it. Shows progress (`aria-busy`, a
 * percentage when the size is known) with a Cancel button, and a clear error with Retry.
 * Props go to the button; the progress, cancel and error parts sit beside it.
 *
 * @example
 * ```tsx
 * <ChatProvider chat={meeting.chat} replay={{ endpoint: '/api/chat-replay', sessionId }}>
 *   <DownloadChatButton />
 * </ChatProvider>
 * ```
 */
export const DownloadChatButton = forwardRef<HTMLButtonElement, DownloadChatButtonProps>(
  function DownloadChatButton(
    {
      chat,
      store,
      sessionId,
      replay,
      safetyMarginMs,
      meetingId,
      filename,
      meetingName,
      menuStrings,
      theme,
      className,
      onClick,
      children,
      ...rest
    },
    ref,
  ) {
    const { strings } = useStrings();
    const exporter = useChatExport({
      chat,
      store,
      sessionId,
      replay,
      safetyMarginMs,
      meetingId,
      meetingName,
    });
    const buttonRef = useRef<HTMLButtonElement | null>(null);
    const mergedRef = useMergedRefs(ref, buttonRef);
    const { status, progress, error, policy, hasReplay } = exporter;
    const [picked, setPicked] = useState<Partial<ChatExportChoice>>({});
    const [module, setModule] = useState<MenuModule | null>(null);
    const menu = useMenu({ itemCount: module ? module.menuItemCount(policy, hasReplay) : 0 });
    // The menu's items load on first use; the menu opens once they are there.
    const openMenu = (event: MouseEvent | KeyboardEvent, focus: 'first' | 'last') => {
      if (module) return;
      event.preventDefault();
      void import('./ExportMenu').then((loaded) => {
        setModule(loaded);
        menu.open(focus);
      });
    };
    const isBusy = status === 'requesting-url' || status === 'downloading' || status === 'parsing';
    const files = progress?.files;
    const total = files ? files.total : progress?.total;
    const loaded = files ? files.done : progress?.loaded;
    const percent =
      loaded !== undefined && total !== undefined && total > 0
        ? Math.min(100, Math.floor((loaded / total) * 100))
        : undefined;
    const label =
      status === 'requesting-url'
        ? strings.preparingDownload
        : isBusy
          ? strings.downloadingChat(percent)
          : status === 'error'
            ? strings.retry
            : strings.downloadChat;
    const start = () =>
      void exporter.download({ ...picked, filename: filename ?? strings.chatFileName });
    // The app's policy turned export off, or allows only what this setup cannot do (the whole
    // record without a Replay API): no button that could only fail (`download()` says why).
    if (!exportChoices(policy, hasReplay)) return null;

    return (
      <span className="natter-download" data-status={status} data-natter-theme={theme}>
        <button
          ref={mergedRef}
          type="button"
          {...rest}
          className={cx('natter-download__button', className)}
          aria-busy={isBusy || undefined}
          aria-disabled={isBusy ? true : rest['aria-disabled']}
          data-status={status}
          onClick={composeHandlers(onClick, (_event: MouseEvent<HTMLButtonElement>) => {
            if (!isBusy) start();
          })}
        >
          {children ?? label}
        </button>
        {
          <button
            {...menu.getButtonProps({
              className: 'natter-download__more',
              'aria-label': strings.exportOptions,
              onClick: (event) => openMenu(event, 'first'),
              onKeyDown: (event) => {
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  openMenu(event, event.key === 'ArrowDown' ? 'first' : 'last');
                }
              },
            })}
          >
            <svg
              viewBox="0 0 24 24"
              width="18"
              height="18"
              fill="currentColor"
              aria-hidden="true"
              focusable="false"
            >
              <path d="M7 10l5 5 5-5z" />
            </svg>
          </button>
        }
        {menu.isOpen && module ? (
          <div {...menu.getMenuProps()} className="natter-actions__menu">
            <module.default
              menu={menu}
              policy={policy}
              hasReplay={hasReplay}
              picked={picked}
              onChange={(next) => setPicked((old) => ({ ...old, ...next }))}
              onDownload={start}
              onDownloadFiles={(names) =>
                void exporter.downloadFiles({ names, filename: filename || undefined })
              }
              strings={menuStrings}
            />
          </div>
        ) : null}
        {isBusy ? (
          <>
            <progress
              className="natter-download__progress"
              aria-label={strings.downloadProgress}
              max={100}
              value={percent}
            />
            <button
              type="button"
              className="natter-download__cancel"
              onClick={() => {
                exporter.abort();
                buttonRef.current?.focus();
              }}
            >
              {strings.cancelDownload}
            </button>
          </>
        ) : null}
        <span className="natter-download__status natter-visually-hidden" role="status">
          {status === 'done' ? strings.downloadDone : ''}
        </span>
        <span className="natter-download__error" role="alert">
          {status === 'error' && error ? `${strings.downloadFailed}: ${error.message}` : ''}
        </span>
      </span>
    );
  },
);
