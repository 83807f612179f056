'use client';
import { useCallback, useLayoutEffect, useRef } from 'react';
import type {
  ChangeEvent,
  ComponentPropsWithRef,
  FormEvent,
  KeyboardEvent,
  MouseEvent,
  MutableRefObject,
  ClipboardEvent,
} from 'react';
import { composeHandlers } from '../utils/composeHandlers';
import { mergeRefs } from '../utils/useMergedRefs';
import { filesOf } from './attachments';

export interface ComposerIds {
  form: string;
  textarea: string;
  hint: string;
  counter: string;
  error: string;
  editing: string;
  attachments: string;
}

/** Prop getters: spread their result on your elements; your handlers run first and may `preventDefault()`. */
export interface ComposerPropGetters {
  ids: ComposerIds;
  textareaRef: MutableRefObject<HTMLTextAreaElement | null>;
  fileInputRef: MutableRefObject<HTMLInputElement | null>;
  getFormProps(props?: ComponentPropsWithRef<'form'>): ComponentPropsWithRef<'form'>;
  getTextareaProps(props?: ComponentPropsWithRef<'textarea'>): ComponentPropsWithRef<'textarea'>;
  getFileInputProps(props?: ComponentPropsWithRef<'input'>): ComponentPropsWithRef<'input'>;
  getAttachButtonProps(props?: ComponentPropsWithRef<'button'>): ComponentPropsWithRef<'button'>;
  getSubmitButtonProps(props?: ComponentPropsWithRef<'button'>): ComponentPropsWithRef<'button'>;
  getCancelEditButtonProps(
    props?: ComponentPropsWithRef<'button'>,
  ): ComponentPropsWithRef<'button'>;
  getRemoveAttachmentButtonProps(
    id: string,
    props?: ComponentPropsWithRef<'button'>,
  ): ComponentPropsWithRef<'button'>;
  /** The counter: described by the textarea; `data-state="ok|near|over"`. */
  getCounterProps(props?: ComponentPropsWithRef<'span'>): ComponentPropsWithRef<'span'>;
  /** The feedback region: `role="alert"`, always mounted so changes are announced. */
  getErrorProps(props?: ComponentPropsWithRef<'div'>): ComponentPropsWithRef<'div'>;
}

export interface ComposerPropsInput {
  ids: ComposerIds;
  text: string;
  setText(text: string): void;
  caret: MutableRefObject<number | null>;
  textareaRef: MutableRefObject<HTMLTextAreaElement | null>;
  fileInputRef: MutableRefObject<HTMLInputElement | null>;
  submit(): Promise<void>;
  addFiles(files: Iterable<File>): void;
  removeAttachment(id: string): void;
  cancelEdit(): void;
  editLastOwnMessage(): boolean;
  clearError(): void;
  hasError: boolean;
  isEditing: boolean;
  isEmpty: boolean;
  isSubmitting: boolean;
  isDisabled: boolean;
  /** Only files may be sent: the textarea is disabled. */
  isTextDisabled?: boolean;
  isOverLimit: boolean;
  showCounter: boolean;
  canSubmit: boolean;
}

const MAX_ROWS = 8;

/** Plain text of pasted HTML (an inert document: nothing runs or loads). */
function htmlToText(html: string): string {
  if (typeof DOMParser === 'undefined') return html.replace(/<[^>]*>/g, '');
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

export function useComposerProps(input: ComposerPropsInput): ComposerPropGetters {
  const { ids, text, textareaRef, fileInputRef } = input;
  // IME composition (Japanese, Chinese, ...): Enter confirms a candidate, it must never send.
  const composing = useRef(false);
  const latest = useRef(input);
  useLayoutEffect(() => {
    latest.current = input;
  });

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTextAreaElement>) => {
    const s = latest.current;
    if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
    const modified = event.altKey || event.ctrlKey || event.metaKey;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void s.submit();
    } else if (
      event.key === 'ArrowUp' &&
      !modified &&
      !event.shiftKey &&
      !s.isEditing &&
      s.isEmpty
    ) {
      if (s.editLastOwnMessage()) event.preventDefault();
    } else if (event.key === 'Escape') {
      if (s.isEditing) {
        event.preventDefault();
        s.cancelEdit();
      } else if (s.hasError) {
        event.preventDefault();
        s.clearError();
      }
    }
  }, []);

  const onPaste = useCallback((event: ClipboardEvent<HTMLTextAreaElement>) => {
    const s = latest.current;
    const data = event.clipboardData;
    const files = filesOf(data);
    if (files.length > 0) {
      event.preventDefault();
      s.addFiles(files);
      return;
    }
    const html = data?.getData('text/html') ?? '';
    if (html === '') return; // plain text: the textarea pastes it as it is
    // Rich text: insert its plain text (never markup), with normalised line ends and spaces.
    const plain = (data?.getData('text/plain') || htmlToText(html))
      .replace(/\r\n?/g, '\n')
      .replace(/\u00a0/g, ' ');
    event.preventDefault();
    const el = event.currentTarget;
    const start = el.selectionStart ?? s.text.length;
    const end = el.selectionEnd ?? start;
    s.caret.current = start + plain.length;
    s.setText(s.text.slice(0, start) + plain + s.text.slice(end));
  }, []);

  const rows = Math.min(MAX_ROWS, Math.max(1, text.split('\n').length));
  const describedBy = [
    input.isEditing && ids.editing,
    ids.hint,
    input.showCounter && ids.counter,
    input.hasError && ids.error,
  ]
    .filter(Boolean)
    .join(' ');

  return {
    ids,
    textareaRef,
    fileInputRef,
    getFormProps: (props = {}) => ({
      id: ids.form,
      noValidate: true,
      'aria-busy': input.isSubmitting || undefined,
      ...props,
      onSubmit: composeHandlers(props.onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void latest.current.submit();
      }),
    }),
    getTextareaProps: (props = {}) => ({
      id: ids.textarea,
      rows,
      // Each message takes the direction of its first strong character (mixed Arabic/English).
      dir: 'auto',
      'aria-describedby': describedBy,
      'aria-invalid': input.isOverLimit || undefined,
      disabled: input.isDisabled || input.isTextDisabled === true,
      ...props,
      ref: props.ref ? mergeRefs(props.ref, textareaRef) : textareaRef,
      value: text,
      onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLTextAreaElement>) =>
        latest.current.setText(event.currentTarget.value),
      ),
      onKeyDown: composeHandlers(props.onKeyDown, onKeyDown),
      onPaste: composeHandlers(props.onPaste, onPaste),
      onCompositionStart: composeHandlers(props.onCompositionStart, () => {
        composing.current = true;
      }),
      onCompositionEnd: composeHandlers(props.onCompositionEnd, () => {
        composing.current = false;
      }),
    }),
    getFileInputProps: (props = {}) => ({
      type: 'file',
      multiple: true,
      hidden: true,
      tabIndex: -1,
      disabled: input.isDisabled,
      ...props,
      ref: props.ref ? mergeRefs(props.ref, fileInputRef) : fileInputRef,
      onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement>) => {
        const el = event.currentTarget;
        latest.current.addFiles(Array.from(el.files ?? []));
        el.value = ''; // choosing the same file again fires change again
      }),
    }),
    getAttachButtonProps: (props = {}) => ({
      type: 'button',
      disabled: input.isDisabled || input.isEditing,
      ...props,
      onClick: composeHandlers(props.onClick, () => fileInputRef.current?.click()),
    }),
    getSubmitButtonProps: (props = {}) => ({
      type: 'submit',
      disabled: !input.canSubmit,
      ...props,
    }),
    getCancelEditButtonProps: (props = {}) => ({
      type: 'button',
      ...props,
      onClick: composeHandlers(props.onClick, (_event: MouseEvent<HTMLButtonElement>) => {
        latest.current.cancelEdit();
        textareaRef.current?.focus();
      }),
    }),
    getRemoveAttachmentButtonProps: (id, props = {}) => ({
      type: 'button',
      ...props,
      onClick: composeHandlers(props.onClick, () => {
        latest.current.removeAttachment(id);
        textareaRef.current?.focus();
      }),
    }),
    getCounterProps: (props = {}) => ({
      id: ids.counter,
      'data-state': input.isOverLimit ? 'over' : input.showCounter ? 'near' : 'ok',
      ...props,
    }),
    getErrorProps: (props = {}) => ({
      id: ids.error,
      role: 'alert',
      ...props,
    }),
  };
}
