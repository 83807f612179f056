'use client';
import type { ChatEntry } from '@natter/core';
import type { ReactNode } from 'react';

/** A custom message as the store holds it, for `renderCustom`. */
export type CustomEntry = Extract<ChatEntry, { type: 'custom' }>;
import { FileChip } from '../FileChip/FileChip';
import { ImagePreview } from '../ImagePreview/ImagePreview';
import { useStrings } from '../strings';
import { isExternal, safeUrl } from '../utils/safeUrl';
import { MessageText } from './MessageText';

export interface MessageContentProps {
  message: ChatEntry;
  /** Sender's name as shown, for the image's text alternative. */
  senderName: string;
  highlight?: string | undefined;
  /** Renders custom messages (`undefined`: the default rendering). */
  renderCustom?: ((entry: CustomEntry) => ReactNode) | undefined;
  /** Names of the people in the room, longest first: their `@Name` is shown as a mention. */
  mentions?: readonly string[] | undefined;
  onOpenImage?: ((id: string, src: string) => void) | undefined;
  onRetry?: ((id: string) => void) | undefined;
  onDiscard?: ((id: string) => void) | undefined;
}

/** The body of a message by kind: text, image, file, or a custom message rendered generically. */
export function MessageContent({
  message: entry,
  senderName,
  highlight,
  mentions,
  renderCustom,
  onOpenImage,
  onRetry,
  onDiscard,
}: MessageContentProps) {
  const { strings } = useStrings();
  switch (entry.type) {
    case 'text':
      return <MessageText text={entry.message} highlight={highlight} mentions={mentions} />;
    case 'image':
      return (
        <ImagePreview
          src={entry.link}
          file={entry.pending?.file}
          alt={entry.pending?.file?.name || strings.imageAlt(senderName)}
          downloadName={entry.pending?.file?.name}
          onOpen={onOpenImage ? (src) => onOpenImage(entry.id, src) : undefined}
        />
      );
    case 'file':
      return (
        <FileChip
          name={entry.name}
          size={entry.size}
          href={entry.link}
          mimeType={entry.pending?.file?.type}
          status={entry.status}
          onCancel={onDiscard ? () => onDiscard(entry.id) : undefined}
          onRetry={onRetry ? () => onRetry(entry.id) : undefined}
        />
      );
    case 'custom': {
      const own = renderCustom?.(entry);
      if (own !== undefined) return <div className="natter-custom">{own}</div>;
      const videos = (entry.videos ?? [])
        .map((video, i) => ({
          href: safeUrl(video.link),
          label: video.name || strings.video(i + 1),
        }))
        .filter((v): v is { href: string; label: string } => v.href !== undefined);
      return (
        <div className="natter-custom">
          {entry.message ? (
            <MessageText text={entry.message} highlight={highlight} mentions={mentions} />
          ) : null}
          {/* HTML from a plugin is untrusted: shown as its source text, never parsed. */}
          {entry.html ? (
            <MessageText className="natter-custom__html" text={entry.html} highlight={highlight} />
          ) : null}
          {(entry.images ?? []).map((image, i) => (
            <ImagePreview
              key={`i${i}`}
              src={image.link}
              alt={image.name || strings.imageAlt(senderName)}
              downloadName={image.name}
            />
          ))}
          {(entry.files ?? []).map((file, i) => (
            <FileChip
              key={`f${i}`}
              name={file.name || strings.attachment(i + 1)}
              size={file.size}
              href={file.link}
              mimeType={file.type}
            />
          ))}
          {videos.map((video, i) => (
            <a
              key={`v${i}`}
              className="natter-link"
              href={video.href}
              target={isExternal(video.href) ? '_blank' : undefined}
              rel={isExternal(video.href) ? 'noopener noreferrer' : undefined}
            >
              <bdi>{video.label}</bdi>
            </a>
          ))}
        </div>
      );
    }
  }
}
