'use client';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { toChatError } from '@natter/core';
import { FileIcon } from '../FileChip/FileIcon';
import { fileTypeOf } from '../FileChip/fileType';
import { useObjectUrl } from '../ImagePreview/useObjectUrl';
import { useStrings } from '../strings';
import { formatBytes } from '../utils/format';
import { onDialogKeyDown } from './dialogKeys';

export interface ReplaceDialogProps {
  kind: 'image' | 'file';
  /** The picked replacement. */
  file: File;
  /** Sends it (`store.edit`); a rejection shows in the dialog, which stays open. */
  onReplace(file: File): Promise<unknown>;
  /** Closed: cancelled (`false`) or replaced (`true`). */
  onClose(replaced: boolean): void;
  /** Where to render: the themed panel, so `--natter-*` tokens apply. */
  container: Element;
}

/**
 * Confirms replacing an image or file message: the same preview as a new attachment in the
 * composer (thumbnail or file-type icon, name, size), then the store's checks (size, type) and
 * the send; a refusal ("larger than the 25 MB this chat accepts") shows here, in words, and the
 * message keeps its old content. Focus starts on Cancel, Tab stays inside, Esc cancels.
 */
export function ReplaceDialog({ kind, file, onReplace, onClose, container }: ReplaceDialogProps) {
  const { strings, locale } = useStrings();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const url = useObjectUrl(kind === 'image' ? file : undefined);
  // Focus lands in the commit that shows the dialog: no keypress can reach the page behind it.
  useLayoutEffect(() => cancelRef.current?.focus(), []);
  const title = kind === 'image' ? strings.replaceImage : strings.replaceFile;

  const replace = () => {
    setBusy(true);
    setError('');
    onReplace(file).then(
      () => onClose(true),
      (caught: unknown) => {
        setBusy(false);
        setError(toChatError(caught).message);
      },
    );
  };

  const themed = container.closest('[data-natter-theme]') !== null;
  return createPortal(
    <div className="natter-dialog-backdrop" data-natter-theme={themed ? undefined : 'light'}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- APG dialog: Esc and the Tab loop are handled on the dialog itself */}
      <div
        className="natter-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-busy={busy || undefined}
        onKeyDown={(event) => onDialogKeyDown(event, () => onClose(false))}
      >
        <h2 className="natter-dialog__title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="natter-attachment" data-kind={kind}>
          {kind === 'image' ? (
            <img className="natter-attachment__thumb" src={url} alt={file.name} />
          ) : (
            <span className="natter-attachment__icon" aria-hidden="true">
              <FileIcon type={fileTypeOf(file.name, file.type)} />
            </span>
          )}
          <span className="natter-attachment__name" dir="auto">
            {file.name}
          </span>
          <span className="natter-attachment__size" dir="auto">
            {formatBytes(file.size, locale)}
          </span>
        </div>
        <p className="natter-dialog__body" role="alert">
          {error}
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
          <button type="button" className="natter-button" disabled={busy} onClick={replace}>
            {busy ? strings.fileUploading : title}
          </button>
        </div>
      </div>
    </div>,
    container,
  );
}
