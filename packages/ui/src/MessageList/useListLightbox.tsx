'use client';
import { Suspense, lazy, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ChatStore } from '@natter/core';
import { useStrings } from '../strings';
import { shownName } from '../utils/displayName';

/** The lightbox loads when an image is first opened: most chats never open one. */
const ChatLightbox = lazy(() =>
  import('./ChatLightbox').then((m) => ({ default: m.ChatLightbox })),
);

/**
 * The list's image lightbox: `openImage(id, src)` opens it over every image of the chat, at that
 * one; `lightbox` is the element to render (null while closed).
 */
export function useListLightbox(store: ChatStore): {
  openImage: (id: string, src: string) => void;
  lightbox: ReactNode;
} {
  const { strings } = useStrings();
  const [open, setOpen] = useState<{ id: string; src: string; alt: string } | null>(null);
  const stringsRef = useRef(strings);
  useLayoutEffect(() => {
    stringsRef.current = strings;
  }, [strings]);
  // Stable, so the rows' shared props do not change with the strings.
  const openImage = useCallback(
    (id: string, src: string) => {
      const entry = store.getState().byId.get(id);
      const alt = stringsRef.current.imageAlt(
        shownName(entry?.displayName || entry?.userId || '').text,
      );
      setOpen({ id, src, alt });
    },
    [store],
  );
  const lightbox = open ? (
    <Suspense fallback={null}>
      <ChatLightbox store={store} start={open} onClose={() => setOpen(null)} />
    </Suspense>
  ) : null;
  return { openImage, lightbox };
}
