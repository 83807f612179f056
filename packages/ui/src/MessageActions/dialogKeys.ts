import type { KeyboardEvent } from 'react';

/**
 * The keyboard of a modal dialog (WAI-ARIA APG): Esc cancels, Tab and Shift+Tab loop through its
 * enabled buttons. Put it on the dialog element's `onKeyDown`.
 */
export function onDialogKeyDown(event: KeyboardEvent<HTMLElement>, onCancel: () => void): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    onCancel();
    return;
  }
  if (event.key !== 'Tab') return;
  const buttons = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled])'),
  );
  const first = buttons[0];
  const last = buttons[buttons.length - 1];
  const active = event.currentTarget.ownerDocument.activeElement;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first?.focus();
  }
}
