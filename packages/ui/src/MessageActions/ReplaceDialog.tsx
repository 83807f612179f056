'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { toChatError } from '@natter/core';
import { FileIcon } from '../FileChip/FileIcon';
import { fileTypeOf } from '../FileChip/fileType';
import { ImagePreview } from '../ImagePreview/ImagePreview';
import { useStrings } from '../strings/StringsProvider';
import { formatBytes } from '../utils/format';

export interface ReplaceDialogProps {
  kind: 'image' | 'file';
  file: File;
  /** Sends the replacement (`store.edit`); a rejection is shown in the dialog, which stays open. */
  onReplace(file: File): Promise<unknown>;
  /** Closed: cancelled, or replaced. */
  onClose(replaced: boolean): void;
  /** Where to render: the themed panel, so `--natter-*` tokens apply. */
  container: Element;
}

/**
 * Confirms replacing an image or file message with `file`: the same preview as a new
 * attachment (thumbnail or type icon, name, size), then the store's size and type checks; a
 * refusal ("larger than the 25 MB this chat accepts") shows here, readable, nothing lost.
 */
export function ReplaceDialog({ kind, file, onReplace, onClose, container }: ReplaceDialogProps) {
  const { strings, locale } = useStrings();
  const id = useId();
  const dialogRef = useRef<HTMLDivElement | null>(null);
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' });
  useEffect(() => cancelRef.current?.focus(), []);
  const title = kind === 'image' ? strings.replaceImage : strings.replaceFile;

  const replace = () => {
    setState({ busy: true, error: '' });
    onReplace(file).then(
      () => onClose(true),
      (error: unknown) => setState({ busy: false, error: toChatError(error).message }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(false);
      return;
    }
    if (event.key !== 'Tab') return;
    const items = Array.from(
      dialogRef.current?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [],
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return createPortal(
    <div className="natter-dialog-backdrop">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- APG dialog: Esc and the Tab loop are handled on the dialog itself */}
      <div
        ref={dialogRef}
        className="natter-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-busy={state.busy || undefined}
        onKeyDown={onKeyDown}
      >
        <h2 className="natter-dialog__title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="natter-dialog__preview">
          {kind === 'image' ? (
            <ImagePreview file={file} alt={file.name} />
          ) : (
            <FileIcon type={fileTypeOf(file.name, file.type)} />
          )}
          <span className="natter-dialog__file">
            <bdi>{file.name}</bdi> · {formatBytes(file.size, locale)}
          </span>
        </div>
        <p className="natter-dialog__error" role="alert">
          {state.error}
        </p>
        <div className="natter-dialog__actions">
          <button
            ref={cancelRef}
            type="button"
            className="natter-button"
            onClick={() => onClose(false)}
          >
            {strings.cancel}
          </button>
          <button type="button" className="natter-button" disabled={state.busy} onClick={replace}>
            {state.busy ? strings.fileUploading : title}
          </button>
        </div>
      </div>
    </div>,
    container,
  );
}
