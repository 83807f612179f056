'use client';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DragEvent, HTMLAttributes } from 'react';
import { dragHasFiles, filesOf } from './attachments';
import { useComposerContext } from './ComposerContext';

export interface UseComposerDropZoneOptions {
  /** Where dropped files go. Default: the composer of the nearest `ComposerContext`. */
  onFiles?: (files: File[]) => void;
  isDisabled?: boolean;
}

type DropZoneHandlers = Pick<
  HTMLAttributes<HTMLElement>,
  'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop'
>;

export interface UseComposerDropZoneResult {
  /** Whether files are being dragged over the zone. */
  isDragging: boolean;
  /**
   * Spread on the drop target; composes your own drag handlers (they run first) and keeps your
   * other props (`getDropZoneProps({ className })`).
   */
  getDropZoneProps<P extends object = Record<never, never>>(
    props?: P & DropZoneHandlers,
  ): P & Required<DropZoneHandlers> & { 'data-dragging'?: '' };
}

/**
 * Your handler first, then ours unless *your handler* called `preventDefault()`. (Drag events call
 * `preventDefault()` to allow a drop, so an inner zone's doing so must not switch an outer one off.)
 */
function compose<E extends DragEvent<HTMLElement>>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    const before = event.defaultPrevented;
    theirs?.(event);
    if (before || !event.defaultPrevented) ours(event);
  };
}

// A drop handled by an inner zone must not be handled again by an outer one as it bubbles.
const handledDrops = new WeakSet<Event>();

/**
 * Makes any element a drop target for files: the composer of the nearest `ComposerContext`
 * receives them (or `onFiles`). `ChatPanel` uses it to make the whole panel a drop target.
 *
 * @example
 * ```tsx
 * const { isDragging, getDropZoneProps } = useComposerDropZone()
 * <section {...getDropZoneProps()} data-dragging={isDragging || undefined}>…</section>
 * ```
 */
export function useComposerDropZone(
  options: UseComposerDropZoneOptions = {},
): UseComposerDropZoneResult {
  const { onFiles, isDisabled = false } = options;
  const composer = useComposerContext();
  const [isDragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them.
  const depth = useRef(0);

  const deliver = useCallback(
    (files: File[]) => (onFiles ? onFiles(files) : composer.addFiles(files)),
    [onFiles, composer],
  );

  const onDragEnter = useCallback(
    (event: DragEvent<HTMLElement>) => {
      if (isDisabled || !dragHasFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    [isDisabled],
  );
  const onDragOver = useCallback(
    (event: DragEvent<HTMLElement>) => {
      if (isDisabled || !dragHasFiles(event.dataTransfer)) return;
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = 'copy';
    },
    [isDisabled],
  );
  const onDragLeave = useCallback(() => {
    if (depth.current === 0) return;
    depth.current -= 1;
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent<HTMLElement>) => {
      depth.current = 0;
      setDragging(false);
      if (isDisabled || handledDrops.has(event.nativeEvent)) return;
      const files = filesOf(event.dataTransfer);
      if (files.length === 0) return;
      event.preventDefault(); // the browser would open the file
      handledDrops.add(event.nativeEvent);
      deliver(files);
    },
    [isDisabled, deliver],
  );

  const getDropZoneProps = useCallback(
    <P extends object>(props: P & DropZoneHandlers = {} as P) => ({
      ...props,
      onDragEnter: compose(props.onDragEnter, onDragEnter),
      onDragOver: compose(props.onDragOver, onDragOver),
      onDragLeave: compose(props.onDragLeave, onDragLeave),
      onDrop: compose(props.onDrop, onDrop),
      // Kept conditional: an undefined value would override the caller's own `data-dragging`.
      ...(isDragging ? { 'data-dragging': '' as const } : {}),
    }),
    [onDragEnter, onDragOver, onDragLeave, onDrop, isDragging],
  );

  return useMemo(() => ({ isDragging, getDropZoneProps }), [isDragging, getDropZoneProps]);
}
