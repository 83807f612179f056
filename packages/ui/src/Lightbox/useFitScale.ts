'use client';
import { useEffect, useState } from 'react';
import type { RefObject, SyntheticEvent } from 'react';

interface Fit {
  key: string | undefined;
  naturalWidth: number;
  naturalHeight: number;
  stageWidth: number;
  stageHeight: number;
}

export interface FitScale {
  /** The scale that fits the whole image in the stage (never above 1); undefined until loaded. */
  scale: number | undefined;
  /** The fitted size in CSS pixels. */
  width: number | undefined;
  height: number | undefined;
  onLoad(event: SyntheticEvent<HTMLImageElement>): void;
}

function padded(stage: HTMLElement): [number, number] {
  const style = getComputedStyle(stage);
  const x = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) || 0;
  const y = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) || 0;
  return [stage.clientWidth - x, stage.clientHeight - y];
}

/**
 * The size at which the image of `key` fits its stage: measured when the image loads and again
 * when the stage resizes, so the lightbox opens fitted to the viewport and zooms from there.
 */
export function useFitScale(
  stageRef: RefObject<HTMLElement | null>,
  key: string | undefined,
): FitScale {
  const [fit, setFit] = useState<Fit | null>(null);
  const current = fit && fit.key === key ? fit : null;

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const [stageWidth, stageHeight] = padded(stage);
      setFit((f) => (f ? { ...f, stageWidth, stageHeight } : f));
    });
    observer.observe(stage);
    return () => observer.disconnect();
  }, [stageRef]);

  const onLoad = (event: SyntheticEvent<HTMLImageElement>) => {
    const { naturalWidth, naturalHeight } = event.currentTarget;
    const stage = stageRef.current;
    if (!stage || naturalWidth <= 0 || naturalHeight <= 0) return;
    const [stageWidth, stageHeight] = padded(stage);
    setFit({ key, naturalWidth, naturalHeight, stageWidth, stageHeight });
  };

  if (!current || current.stageWidth <= 0 || current.stageHeight <= 0) {
    return { scale: undefined, width: undefined, height: undefined, onLoad };
  }
  const scale = Math.min(
    1,
    current.stageWidth / current.naturalWidth,
    current.stageHeight / current.naturalHeight,
  );
  return {
    scale,
    width: current.naturalWidth * scale,
    height: current.naturalHeight * scale,
    onLoad,
  };
}
