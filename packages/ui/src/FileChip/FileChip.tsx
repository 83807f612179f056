'use client';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { MessageStatus } from '@natter/core';
import { cleanName } from '../utils/displayName';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { formatBytes } from '../utils/format';
import { isExternal, safeUrl } from '../utils/safeUrl';
import { DownloadIcon, FileIcon } from './FileIcon';
import { fileTypeOf, splitExtension } from './fileType';

export interface FileChipProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Untrusted file name: shown as text, bidi controls removed so the extension cannot be disguised. */
  name: string;
  /** Size in bytes; hidden when unknown or 0. */
  size?: number | undefined;
  /** Where to download it; only http, https, blob and mailto links are used. */
  href?: string | undefined;
  /** MIME type, when known (a pending upload's `File.type`), for the icon. */
  mimeType?: string | undefined;
  /** `sending` shows "Uploading…" and a cancel button, `failed` a retry button. Default `sent`. */
  status?: MessageStatus | undefined;
  /** Called by the cancel button of a pending upload (`store.discard(id)`). */
  onCancel?: (() => void) | undefined;
  /** Called by the retry button of a failed upload (`store.retry(id)`). */
  onRetry?: (() => void) | undefined;
}

/**
 * A file attachment: type icon, name with a middle ellipsis that keeps the extension visible,
 * size, and a download link (`download` attribute). Pending uploads can be cancelled, failed ones
 * retried. State is in `data-status` and `data-file-type`.
 *
 * @example
 * ```tsx
 * <FileChip name={m.name} size={m.size} href={m.link} />
 * ```
 */
export const FileChip = forwardRef<HTMLDivElement, FileChipProps>(function FileChip(
  { name, size, href, mimeType, status = 'sent', onCancel, onRetry, className, ...rest },
  ref,
) {
  const { strings, locale } = useStrings();
  const shown = cleanName(name) || '—';
  const [stem, extension] = splitExtension(shown);
  const type = fileTypeOf(shown, mimeType);
  const link = status === 'sent' ? safeUrl(href) : undefined;
  return (
    <div
      ref={ref}
      {...rest}
      className={cx('natter-file', className)}
      data-status={status}
      data-file-type={type}
      aria-busy={status === 'sending' || undefined}
    >
      <FileIcon type={type} />
      <div className="natter-file__body">
        <span className="natter-file__name" title={shown} dir="auto">
          <bdi className="natter-file__stem">{stem}</bdi>
          {extension ? <bdi className="natter-file__ext">{extension}</bdi> : null}
        </span>
        <span className="natter-file__meta">
          {size ? (
            <span className="natter-file__size" dir="auto">
              {formatBytes(size, locale)}
            </span>
          ) : null}
          {status === 'sending' ? (
            <span className="natter-file__state">{strings.fileUploading}</span>
          ) : null}
          {status === 'failed' ? (
            <span className="natter-file__state">{strings.fileFailed}</span>
          ) : null}
          {status === 'sent' && !link ? (
            <span className="natter-file__state">{strings.fileUnavailable}</span>
          ) : null}
        </span>
      </div>
      {link ? (
        <a
          className="natter-icon-button"
          href={link}
          download={shown}
          aria-label={strings.downloadFile(shown)}
          title={strings.downloadFile(shown)}
          target={isExternal(link) ? '_blank' : undefined}
          rel={isExternal(link) ? 'noopener noreferrer' : undefined}
        >
          <DownloadIcon />
        </a>
      ) : null}
      {status === 'sending' && onCancel ? (
        <button type="button" className="natter-control" data-variant="quiet" onClick={onCancel}>
          {strings.cancelUpload}
        </button>
      ) : null}
      {status === 'failed' && onRetry ? (
        <button type="button" className="natter-control" onClick={onRetry}>
          {strings.retryUpload}
        </button>
      ) : null}
    </div>
  );
});
