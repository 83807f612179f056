'use client';
import { useMemo, useState } from 'react';
import type { ChatEntry, ChatStore } from '@natter/core';
import { useMessagesByType } from '@natter/hooks';
import { Lightbox } from '../Lightbox/Lightbox';
import type { LightboxImage } from '../Lightbox/Lightbox';
import { shownName } from '../utils/displayName';
import { useStrings } from '../strings';
import type { PanelStrings } from '../strings/defaultStrings';
import { safeUrl } from '../utils/safeUrl';

export interface ChatLightboxProps {
  store: ChatStore;
  /** The image opened: its message id and the source the preview showed. */
  start: { id: string; src: string };
  onClose: () => void;
}

const altOf = (strings: PanelStrings, entry: ChatEntry | undefined) =>
  strings.imageAlt(shownName(entry?.displayName || entry?.userId || '').text);

/** A lightbox over every image of the chat, in time order, opened at `start`. */
export function ChatLightbox({ store, start, onClose }: ChatLightboxProps) {
  const { strings } = useStrings();
  const entries = useMessagesByType({ type: 'image', store });
  const images = useMemo(() => {
    const list: LightboxImage[] = [];
    for (const entry of entries) {
      const src = entry.type === 'image' ? safeUrl(entry.link) : undefined;
      if (src)
        list.push({
          key: entry.id,
          src,
          alt: altOf(strings, entry),
        });
    }
    return list;
  }, [entries, strings]);
  const [key, setKey] = useState(start.id);
  const index = images.findIndex((image) => image.key === key);
  // A pending upload (object URL) is not among the chat's images yet: show it alone.
  if (index < 0) {
    return (
      <Lightbox
        images={[
          {
            key: start.id,
            src: start.src,
            alt: altOf(strings, store.getState().byId.get(start.id)),
          },
        ]}
        index={0}
        onClose={onClose}
      />
    );
  }
  return (
    <Lightbox
      images={images}
      index={index}
      onIndexChange={(i) => setKey(images[i]?.key ?? key)}
      onClose={onClose}
    />
  );
}
