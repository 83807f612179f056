'use client';
import { forwardRef, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useStrings } from '../strings';
import { FileIcon } from '../FileChip/FileIcon';
import { fileTypeOf } from '../FileChip/fileType';
import { cx } from '../utils/cx';
import { formatBytes } from '../utils/format';
import type { ComposerAttachment } from './attachments';

export interface AttachmentPreviewProps extends ComponentPropsWithoutRef<'li'> {
  /** The waiting attachment (`useComposer().attachments[i]`): its file and kind. */
  attachment: ComposerAttachment;
  /** Props for the remove button (from `getRemoveAttachmentButtonProps`). */
  removeButtonProps: ComponentPropsWithoutRef<'button'>;
}

/**
 * Shows `file` in the `<img>`: the object URL is created in an effect and revoked in its cleanup
 * (never leaked, even when the attachment is removed or the composer unmounts).
 */
function useObjectUrlSrc(file: File | undefined) {
  const imgRef = useRef<HTMLImageElement | null>(null);
  useEffect(() => {
    const img = imgRef.current;
    if (!file || !img) return undefined;
    const url = URL.createObjectURL(file);
    img.src = url;
    return () => {
      img.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [file]);
  return imgRef;
}

/**
 * One attachment waiting in the composer: a thumbnail (images) or the file-type icon (PDF, TXT,
 * ZIP, ...), the name and size, and a remove button.
 */
export const AttachmentPreview = forwardRef<HTMLLIElement, AttachmentPreviewProps>(
  function AttachmentPreview({ attachment, removeButtonProps, className, ...rest }, ref) {
    const { strings, locale } = useStrings();
    const { file, kind } = attachment;
    const imgRef = useObjectUrlSrc(kind === 'image' ? file : undefined);
    return (
      <li ref={ref} {...rest} className={cx('natter-attachment', className)} data-kind={kind}>
        {kind === 'image' ? (
          <img ref={imgRef} className="natter-attachment__thumb" alt={file.name} />
        ) : (
          <span className="natter-attachment__icon" aria-hidden="true">
            <FileIcon type={fileTypeOf(file.name, file.type)} />
          </span>
        )}
        <span className="natter-attachment__name" dir="auto">
          {file.name}
        </span>
        <span className="natter-attachment__size" dir="auto">
          {formatBytes(file.size, locale)}
        </span>
        <button
          {...removeButtonProps}
          className={cx('natter-attachment__remove', removeButtonProps.className)}
          aria-label={strings.removeAttachment(file.name)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </li>
    );
  },
);
