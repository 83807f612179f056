'use client';
import { Suspense, forwardRef, lazy, useState } from 'react';
import type { CSSProperties, ComponentPropsWithoutRef } from 'react';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { safeUrl } from '../utils/safeUrl';
import { useObjectUrl } from './useObjectUrl';

/** Loaded when an image is first opened. */
const Lightbox = lazy(() => import('../Lightbox/Lightbox').then((m) => ({ default: m.Lightbox })));

export type ImagePreviewState = 'loading' | 'loaded' | 'error';

export interface ImagePreviewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The image link; only http, https and blob links are shown. */
  src?: string | undefined;
  /** A local file (a pending upload): previewed through an object URL, revoked on unmount. */
  file?: Blob | undefined;
  /** Text alternative: the file name or "Image from <sender>". */
  alt: string;
  /** Intrinsic size when known: the box takes its aspect ratio before loading. */
  width?: number | undefined;
  /** Intrinsic height, with `width`. */
  height?: number | undefined;
  /** File name for the lightbox's download link. */
  downloadName?: string | undefined;
  /**
   * Called on click with the resolved source. Without it, the preview opens its own single-image
   * `Lightbox`; `MessageList` passes one that opens a lightbox over every image of the chat.
   */
  onOpen?: ((src: string) => void) | undefined;
}

/**
 * An image thumbnail whose box is reserved before the image loads (no layout shift), loaded
 * lazily, with loading and error states (retry) in `data-state`. A click opens the lightbox.
 *
 * @example
 * ```tsx
 * <ImagePreview src={m.link} alt={`Image from ${m.displayName}`} />
 * ```
 */
export const ImagePreview = forwardRef<HTMLDivElement, ImagePreviewProps>(function ImagePreview(
  { src, file, alt, width, height, downloadName, onOpen, className, ...rest },
  ref,
) {
  const { strings } = useStrings();
  const objectUrl = useObjectUrl(file);
  const resolved = file ? objectUrl : safeUrl(src);
  // Load state belongs to one source and one attempt: a new source or a retry starts over.
  const [load, setLoad] = useState<{ key: string; state: ImagePreviewState }>({
    key: '',
    state: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  const [open, setOpen] = useState(false);
  const loadKey = `${attempt}:${resolved ?? ''}`;
  const state: ImagePreviewState =
    file && !resolved
      ? 'loading'
      : !resolved
        ? 'error'
        : load.key === loadKey
          ? load.state
          : 'loading';
  const sized = width !== undefined && height !== undefined && width > 0 && height > 0;
  // Without a known size the image's own, read when it loads (one shift, never a crop).
  const [natural, setNatural] = useState<{ key: string; width: number; height: number } | null>(
    null,
  );
  const box = sized
    ? { width, height }
    : natural && natural.key === loadKey && state === 'loaded'
      ? natural
      : undefined;
  // The box keeps the image's aspect ratio inside the max box (see media.css).
  const boxStyle = box
    ? ({
        '--natter-image-width': box.width,
        '--natter-image-height': box.height,
      } as CSSProperties)
    : undefined;

  return (
    <div
      ref={ref}
      {...rest}
      className={cx('natter-image', className)}
      data-state={state}
      data-sized={box ? '' : undefined}
      aria-busy={state === 'loading' || undefined}
      style={{ ...boxStyle, ...rest.style }}
    >
      {resolved && state !== 'error' ? (
        <button
          type="button"
          className="natter-image__button"
          onClick={() => (onOpen ? onOpen(resolved) : setOpen(true))}
        >
          <img
            key={loadKey}
            className="natter-image__img"
            src={resolved}
            alt={alt}
            loading="lazy"
            decoding="async"
            width={sized ? width : undefined}
            height={sized ? height : undefined}
            onLoad={(event) => {
              const { naturalWidth, naturalHeight } = event.currentTarget;
              if (naturalWidth > 0 && naturalHeight > 0) {
                setNatural({ key: loadKey, width: naturalWidth, height: naturalHeight });
              }
              setLoad({ key: loadKey, state: 'loaded' });
            }}
            onError={() => setLoad({ key: loadKey, state: 'error' })}
          />
          {state === 'loading' ? (
            <span className="natter-image__status" aria-hidden="true">
              {strings.imageLoading}
            </span>
          ) : null}
        </button>
      ) : null}
      {state === 'error' ? (
        <div className="natter-image__error">
          <span className="natter-image__status">{strings.imageFailed}</span>
          {resolved ? (
            <button
              type="button"
              className="natter-control"
              onClick={() => setAttempt((n) => n + 1)}
            >
              {strings.retry}
            </button>
          ) : null}
        </div>
      ) : null}
      {open && resolved ? (
        <Suspense fallback={null}>
          <Lightbox
            images={[{ key: resolved, src: resolved, alt, downloadName }]}
            index={0}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
});
