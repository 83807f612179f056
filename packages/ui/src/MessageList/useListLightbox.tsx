'use client';
import { Suspense, lazy, useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import type { ChatStore } from '@natter/core';

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
  const [open, setOpen] = useState<{ id: string; src: string } | null>(null);
  // Stable, so the rows' shared props never change for it.
  const openImage = useCallback((id: string, src: string) => setOpen({ id, src }), []);
  const lightbox = open ? (
    <Suspense fallback={null}>
      <ChatLightbox store={store} start={open} onClose={() => setOpen(null)} />
    </Suspense>
  ) : null;
  return { openImage, lightbox };
}
