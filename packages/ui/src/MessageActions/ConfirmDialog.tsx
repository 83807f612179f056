'use client';
import { useId, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { onDialogKeyDown } from './dialogKeys';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** Where to render: the themed panel, so `--natter-*` tokens apply. */
  container: Element;
}

/**
 * A small confirmation `alertdialog`: focus starts on Cancel (the safe choice), Tab stays
 * inside, Esc cancels. Rendered in a portal so a row's `overflow` or `transform` cannot clip it.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  container,
}: ConfirmDialogProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  // Focus lands in the commit that shows the dialog: no keypress can reach the page behind it.
  useLayoutEffect(() => cancelRef.current?.focus(), []);

  const themed = container.closest('[data-natter-theme]') !== null;
  return createPortal(
    <div className="natter-dialog-backdrop" data-natter-theme={themed ? undefined : 'light'}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- APG dialog: Esc and the Tab loop are handled on the dialog itself */}
      <div
        className="natter-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={(event) => onDialogKeyDown(event, onCancel)}
      >
        <h2 className="natter-dialog__title" id={`${id}-title`}>
          {title}
        </h2>
        <p className="natter-dialog__body" id={`${id}-body`}>
          {body}
        </p>
        <div className="natter-dialog__actions">
          <button ref={cancelRef} type="button" className="natter-button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="natter-button" data-variant="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    container,
  );
}
