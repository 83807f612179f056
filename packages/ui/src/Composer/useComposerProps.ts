'use client';
import { useRef } from 'react';
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
import { useStableCallback } from '../utils/useLatestRef';
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

/** The composer's elements. */
export interface ComposerElements {
  ids: ComposerIds;
  textareaRef: MutableRefObject<HTMLTextAreaElement | null>;
  fileInputRef: MutableRefObject<HTMLInputElement | null>;
}

/** What the elements can do: each function keeps one identity for the composer's life. */
export interface ComposerActions {
  setText(text: string): void;
  submit(): Promise<void>;
  addFiles(files: Iterable<File>): void;
  removeAttachment(id: string): void;
  cancelEdit(): void;
  editLastOwnMessage(): boolean;
  clearError(): void;
  /** Where the caret goes after the next change of the text (it stays where it is otherwise). */
  placeCaret(at: number): void;
}

/** What this render shows. */
export interface ComposerView {
  text: string;
  hasError: boolean;
  isEditing: boolean;
  isEmpty: boolean;
  isSubmitting: boolean;
  isDisabled: boolean;
  /** Only files may be sent: the textarea is disabled. */
  isTextDisabled: boolean;
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

/**
 * The composer's prop getters. Its keyboard and paste handlers are stable
 * (`useStableCallback`) and read this render's `view` when the event comes.
 */
export function useComposerProps(
  elements: ComposerElements,
  actions: ComposerActions,
  view: ComposerView,
): ComposerPropGetters {
  const { ids, textareaRef, fileInputRef } = elements;
  const { text } = view;
  // IME composition (Japanese, Chinese, ...): Enter confirms a candidate, it must never send.
  const composing = useRef(false);

  const onKeyDown = useStableCallback((event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
    const modified = event.altKey || event.ctrlKey || event.metaKey;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void actions.submit();
    } else if (
      event.key === 'ArrowUp' &&
      !modified &&
      !event.shiftKey &&
      !view.isEditing &&
      view.isEmpty
    ) {
      if (actions.editLastOwnMessage()) event.preventDefault();
    } else if (event.key === 'Escape') {
      if (view.isEditing) {
        event.preventDefault();
        actions.cancelEdit();
      } else if (view.hasError) {
        event.preventDefault();
        actions.clearError();
      }
    }
  });

  const onPaste = useStableCallback((event: ClipboardEvent<HTMLTextAreaElement>) => {
    const data = event.clipboardData;
    const files = filesOf(data);
    if (files.length > 0) {
      event.preventDefault();
      actions.addFiles(files);
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
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? start;
    actions.placeCaret(start + plain.length);
    actions.setText(text.slice(0, start) + plain + text.slice(end));
  });

  const rows = Math.min(MAX_ROWS, Math.max(1, text.split('\n').length));
  const describedBy = [
    view.isEditing && ids.editing,
    ids.hint,
    view.showCounter && ids.counter,
    view.hasError && ids.error,
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
      'aria-busy': view.isSubmitting || undefined,
      ...props,
      onSubmit: composeHandlers(props.onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void actions.submit();
      }),
    }),
    getTextareaProps: (props = {}) => ({
      id: ids.textarea,
      rows,
      // Each message takes the direction of its first strong character (mixed Arabic/English).
      dir: 'auto',
      'aria-describedby': describedBy,
      'aria-invalid': view.isOverLimit || undefined,
      disabled: view.isDisabled || view.isTextDisabled,
      ...props,
      ref: props.ref ? mergeRefs(props.ref, textareaRef) : textareaRef,
      value: text,
      onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLTextAreaElement>) =>
        actions.setText(event.currentTarget.value),
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
      disabled: view.isDisabled,
      ...props,
      ref: props.ref ? mergeRefs(props.ref, fileInputRef) : fileInputRef,
      onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement>) => {
        const el = event.currentTarget;
        actions.addFiles(Array.from(el.files ?? []));
        el.value = ''; // choosing the same file again fires change again
      }),
    }),
    getAttachButtonProps: (props = {}) => ({
      type: 'button',
      disabled: view.isDisabled || view.isEditing,
      ...props,
      onClick: composeHandlers(props.onClick, () => fileInputRef.current?.click()),
    }),
    getSubmitButtonProps: (props = {}) => ({
      type: 'submit',
      disabled: !view.canSubmit,
      ...props,
    }),
    getCancelEditButtonProps: (props = {}) => ({
      type: 'button',
      ...props,
      onClick: composeHandlers(props.onClick, (_event: MouseEvent<HTMLButtonElement>) => {
        actions.cancelEdit();
        textareaRef.current?.focus();
      }),
    }),
    getRemoveAttachmentButtonProps: (id, props = {}) => ({
      type: 'button',
      ...props,
      onClick: composeHandlers(props.onClick, () => {
        actions.removeAttachment(id);
        textareaRef.current?.focus();
      }),
    }),
    getCounterProps: (props = {}) => ({
      id: ids.counter,
      'data-state': view.isOverLimit ? 'over' : view.showCounter ? 'near' : 'ok',
      ...props,
    }),
    getErrorProps: (props = {}) => ({
      id: ids.error,
      role: 'alert',
      ...props,
    }),
  };
}
