'use client';
import { forwardRef, useLayoutEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent } from 'react';
import { useFitScale } from './useFitScale';
import { useStrings } from '../strings';
import { composeHandlers } from '../utils/composeHandlers';
import { cx } from '../utils/cx';
import { useMergedRefs } from '../utils/useMergedRefs';

/** One image the lightbox can show. `src` must already be safe (see `safeUrl`). */
export interface LightboxImage {
  key: string;
  src: string;
  alt: string;
  /** File name for the download link. */
  downloadName?: string | undefined;
}

export interface LightboxProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The images to page through (only safe sources are shown, see `safeUrl`). */
  images: readonly LightboxImage[];
  /** The image shown. */
  index: number;
  /** Previous/next (buttons, arrow keys); omit to disable paging. */
  onIndexChange?: ((index: number) => void) | undefined;
  /** Close button, Esc, a click on the backdrop. Focus then returns to the element focused before opening. */
  onClose: () => void;
}

/** Zoom steps as multiples of "fitted to the viewport" (step `FIT`), where every image opens. */
const ZOOM_STEPS = ['0.5', '0.75', '1', '1.5', '2', '3', '4'] as const;
const FIT = ZOOM_STEPS.indexOf('1');
const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** A fitted side at the chosen zoom, in whole pixels (at least 1). */
const scaled = (side: number, zoomLevel: string) =>
  Math.max(1, Math.round(side * Number(zoomLevel)));

/**
 * A modal image viewer: full resolution, zoom, previous/next with the arrow keys, Esc to close,
 * focus trapped inside and restored to the opener, a download link. Renders in place with
 * `position: fixed`, so it inherits the theme of the surrounding `[data-natter-theme]`.
 *
 * @example
 * ```tsx
 * {open && <Lightbox images={images} index={i} onIndexChange={setI} onClose={() => setOpen(false)} />}
 * ```
 */
export const Lightbox = forwardRef<HTMLDivElement, LightboxProps>(function Lightbox(
  { images, index, onIndexChange, onClose, className, onKeyDown, ...rest },
  forwardedRef,
) {
  const { strings } = useStrings();
  const dialog = useRef<HTMLDivElement>(null);
  const ref = useMergedRefs(forwardedRef, dialog);
  const closeButton = useRef<HTMLButtonElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const count = images.length;
  const position = Math.min(Math.max(index, 0), count - 1);
  const current = images[position];
  const canPage = onIndexChange !== undefined && count > 1;
  // Zoom belongs to one image: paging to another starts at "fit" again.
  const [zoomState, setZoomState] = useState({ key: current?.key, step: FIT });
  const zoom = zoomState.key === current?.key ? zoomState.step : FIT;
  const setZoom = (next: (step: number) => number) =>
    setZoomState({ key: current?.key, step: next(zoom) });

  // Remember the opener before anything inside takes focus; give focus back on close.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const go = (delta: number) => {
    if (!canPage) return;
    onIndexChange((position + delta + count) % count);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = dialog.current?.closest('[dir]')?.getAttribute('dir') === 'rtl';
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        onClose();
        return;
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (!canPage) return;
        event.preventDefault();
        const forward = (event.key === 'ArrowRight') !== rtl;
        go(forward ? 1 : -1);
        return;
      }
      case '+':
      case '=':
        event.preventDefault();
        setZoom((z) => Math.min(z + 1, ZOOM_STEPS.length - 1));
        return;
      case '-':
        event.preventDefault();
        setZoom((z) => Math.max(z - 1, 0));
        return;
      case 'Tab': {
        // Trap focus: wrap from the last control to the first and back.
        const items = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (
          event.shiftKey &&
          (document.activeElement === first || !dialog.current?.contains(document.activeElement))
        ) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
        return;
      }
    }
  };

  const zoomLevel = ZOOM_STEPS[zoom] ?? '1';
  const fit = useFitScale(stage, current?.key);
  if (!current) return null;
  // Shown as a share of the image's real size: a large photo opens at, say, 38%.
  const percent = Math.round(Number(zoomLevel) * (fit.scale ?? 1) * 100);
  return (
    <div
      className="natter-lightbox-backdrop"
      role="presentation"
      data-natter-lightbox=""
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {/* The dialog handles Esc, arrows and Tab for the controls inside it (a modal's keyboard contract). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the dialog handles Esc, arrows and the Tab loop for everything inside it */}
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label={strings.lightboxLabel}
        {...rest}
        className={cx('natter-lightbox', className)}
        onKeyDown={composeHandlers(onKeyDown, handleKeyDown)}
      >
        <div className="natter-lightbox__toolbar">
          <span className="natter-lightbox__counter" aria-live="polite">
            {strings.imageCounter(position + 1, count)}
          </span>
          <button
            type="button"
            className="natter-icon-button"
            aria-label={strings.zoomOut}
            title={strings.zoomOut}
            disabled={zoom === 0}
            onClick={() => setZoom((z) => Math.max(z - 1, 0))}
          >
            −
          </button>
          <output className="natter-lightbox__zoom">{strings.zoomLevel(percent)}</output>
          <button
            type="button"
            className="natter-icon-button"
            aria-label={strings.zoomIn}
            title={strings.zoomIn}
            disabled={zoom === ZOOM_STEPS.length - 1}
            onClick={() => setZoom((z) => Math.min(z + 1, ZOOM_STEPS.length - 1))}
          >
            +
          </button>
          <a className="natter-control" href={current.src} download={current.downloadName ?? ''}>
            {strings.downloadImage}
          </a>
          <button ref={closeButton} type="button" className="natter-control" onClick={onClose}>
            {strings.closeLightbox}
          </button>
        </div>
        <div
          ref={stage}
          className="natter-lightbox__stage"
          // Zoomed in, the stage scrolls: keyboard users scroll it with the arrow keys too.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
          tabIndex={0}
          data-zoom={zoomLevel}
          data-fitted={fit.scale === undefined ? undefined : ''}
        >
          <img
            key={current.key}
            className="natter-lightbox__image"
            src={current.src}
            alt={current.alt}
            onLoad={fit.onLoad}
            width={fit.width === undefined ? undefined : scaled(fit.width, zoomLevel)}
            height={fit.width === undefined ? undefined : scaled(fit.height ?? 0, zoomLevel)}
          />
        </div>
        {canPage ? (
          <div className="natter-lightbox__nav">
            <button
              type="button"
              className="natter-icon-button"
              aria-label={strings.previousImage}
              title={strings.previousImage}
              onClick={() => go(-1)}
            >
              ‹
            </button>
            <button
              type="button"
              className="natter-icon-button"
              aria-label={strings.nextImage}
              title={strings.nextImage}
              onClick={() => go(1)}
            >
              ›
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
});
