'use client';
import { Suspense, forwardRef, lazy, useEffect, useId, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { EVERYONE, useChatStore, useParticipants } from '@natter/hooks';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import type { NatterTheme } from '../utils/theme';
import { useComposer } from './useComposer';
import type { UseComposerOptions } from './useComposer';
import { useComposerDropZone } from './useComposerDropZone';
import { useRecipient } from './useRecipient';

export interface ComposerProps
  extends UseComposerOptions, Omit<ComponentPropsWithoutRef<'form'>, 'children'> {
  /** Overrides the placeholder from the strings. */
  placeholder?: string;
  /** Extra props for the textarea (your handlers run before the composer's). */
  textareaProps?: ComponentPropsWithoutRef<'textarea'>;
  /** MIME types or extensions the file picker offers (`accept`); any file by default. */
  accept?: string;
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
  /**
   * Put the cursor in the message box when the composer first appears (a meeting room whose
   * main task is chatting). Off by default: a page should move focus only once, on purpose.
   */
  focusOnMount?: boolean | undefined;
}

/** Loaded with the first attachment: most messages have none. */
const AttachmentPreview = lazy(() =>
  import('./AttachmentPreview').then((m) => ({ default: m.AttachmentPreview })),
);

/** Loaded when `@` is first typed in a meeting: the mention suggestions. */
const MentionCombobox = lazy(() =>
  import('./MentionCombobox').then((m) => ({ default: m.MentionCombobox })),
);

/**
 * The message composer: a labelled textarea that grows, Enter sends and Shift+Enter adds a line,
 * Up edits your last message and Esc cancels, attachments with previews (pick, paste or drop),
 * a counter near `maxTextLimit`, and validation feedback in an alert region. Drafts survive
 * unmounting. Build your own with {@link useComposer}.
 *
 * @example
 * ```tsx
 * <ChatProvider meeting={meeting}>
 *   <Composer draftKey={meeting.meta.meetingId} />
 * </ChatProvider>
 * ```
 */
export const Composer = forwardRef<HTMLFormElement, ComposerProps>(function Composer(
  {
    chat,
    store,
    draftKey,
    peerIds,
    imageTypes,
    counterThreshold,
    isDisabled,
    placeholder,
    textareaProps,
    accept,
    theme,
    focusOnMount,
    className,
    ...rest
  },
  ref,
) {
  const { strings } = useStrings();
  const source = { chat, store };
  const recipient = useRecipient(useChatStore(source), source);
  // `peerIds` from the app wins; else the open conversation decides (and a gone person blocks).
  const chosen = peerIds === undefined;
  const sendTo = chosen ? recipient.peerIds : peerIds;
  const gone = chosen && recipient.isGone;
  const focusFirst = useRef(focusOnMount === true);
  // Unset options stay undefined: `useComposer` reads each with its own default.
  const composer = useComposer({
    chat,
    store,
    draftKey,
    peerIds: sendTo,
    imageTypes,
    counterThreshold,
    isDisabled: isDisabled === true || gone,
  });
  const { ids, attachments, editingMessage, isEditing, error, remaining } = composer;
  const { focus } = composer;
  useEffect(() => {
    if (focusFirst.current) focus();
  }, [focus]);
  const { getDropZoneProps } = useComposerDropZone({
    onFiles: composer.addFiles,
    isDisabled: isDisabled === true || gone || isEditing || !composer.canSend,
  });
  const pickerId = useId();
  const { others } = useParticipants();
  const mentionable = others.length > 0;
  // The suggestions (and their chunk) come with the first `@` of the text and go with the last:
  // without an `@` they show nothing, so nothing is latched across renders.
  const mentioning = mentionable && composer.text.includes('@');
  const showPicker = chosen && (recipient.options.length > 1 || recipient.key !== EVERYONE);
  const privateName = chosen ? recipient.name : undefined;
  const notice = gone
    ? strings.recipientLeft(recipient.name ?? '')
    : !composer.canSend
      ? sendTo?.length
        ? strings.privateChatOff
        : strings.chatOff
      : null;
  return (
    <form
      ref={ref}
      {...composer.getFormProps(getDropZoneProps(rest))}
      className={cx('natter-composer', className)}
      data-natter-theme={theme}
      data-mode={composer.mode}
      data-status={composer.status}
      data-permission={composer.canSend ? undefined : 'off'}
      data-recipient={privateName === undefined ? undefined : 'private'}
    >
      {showPicker ? (
        <div className="natter-composer__to">
          <label htmlFor={pickerId}>{strings.recipient}</label>
          <select
            id={pickerId}
            value={recipient.key}
            onChange={(event) => recipient.setRecipient(event.target.value)}
          >
            {recipient.options.map((option) => (
              <option key={option.key} value={option.key}>
                {option.key === EVERYONE ? strings.everyone : option.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {notice !== null ? (
        // Nothing can be sent: say why instead of a box that cannot send (nor by keyboard).
        <p className="natter-composer__notice" role="status">
          {notice}
        </p>
      ) : (
        <>
          {isEditing ? (
            <div className="natter-composer__editing" id={ids.editing}>
              <span className="natter-composer__editing-label">{strings.editing}</span>
              <span className="natter-composer__editing-excerpt">
                {editingMessage?.type === 'text' ? editingMessage.message : ''}
              </span>
              <button
                {...composer.getCancelEditButtonProps()}
                className="natter-composer__icon-button"
                aria-label={strings.cancelEdit}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ) : null}
          {attachments.length > 0 ? (
            <ul
              className="natter-composer__attachments"
              id={ids.attachments}
              aria-label={strings.attachments}
            >
              <Suspense fallback={null}>
                {attachments.map((attachment) => (
                  <AttachmentPreview
                    key={attachment.id}
                    attachment={attachment}
                    removeButtonProps={composer.getRemoveAttachmentButtonProps(attachment.id)}
                  />
                ))}
              </Suspense>
            </ul>
          ) : null}
          <div className="natter-composer__row">
            {composer.canSendFiles ? (
              <>
                <button
                  {...composer.getAttachButtonProps()}
                  className="natter-composer__icon-button natter-composer__attach"
                  aria-label={strings.attach}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M16.5 6.5 8.6 14.4a1.5 1.5 0 0 0 2.1 2.1l7.6-7.6a3 3 0 0 0-4.2-4.2L6.4 12.4a4.5 4.5 0 0 0 6.4 6.4l6.7-6.7" />
                  </svg>
                </button>
                <input {...composer.getFileInputProps({ accept })} aria-label={strings.attach} />
              </>
            ) : null}
            <label className="natter-visually-hidden" htmlFor={ids.textarea}>
              {strings.composerLabel}
            </label>
            <textarea
              {...composer.getTextareaProps(textareaProps)}
              className={cx('natter-composer__input', textareaProps?.className)}
              placeholder={
                !composer.canSendText && !isEditing
                  ? strings.textOff
                  : (placeholder ??
                    (attachments.length > 0
                      ? strings.caption
                      : privateName !== undefined
                        ? strings.privatePlaceholder(privateName)
                        : strings.composerPlaceholder))
              }
            />
            {mentioning ? (
              <Suspense fallback={null}>
                <MentionCombobox
                  textareaRef={composer.textareaRef}
                  text={composer.text}
                  setText={composer.setText}
                  people={others}
                />
              </Suspense>
            ) : null}
            <button {...composer.getSubmitButtonProps()} className="natter-composer__submit">
              {isEditing ? strings.saveEdit : strings.send}
            </button>
          </div>
          <p className="natter-visually-hidden" id={ids.hint}>
            {strings.composerHint}
          </p>
          {composer.showCounter && remaining !== undefined ? (
            <span {...composer.getCounterProps()} className="natter-composer__counter">
              {strings.charactersLeft(remaining)}
            </span>
          ) : null}
        </>
      )}
      <div {...composer.getErrorProps()} className="natter-composer__error">
        {error?.message}
      </div>
    </form>
  );
});
