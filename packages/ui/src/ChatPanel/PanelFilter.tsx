'use client';
import type { KeyboardEvent } from 'react';
import { MessageFilter } from '../MessageFilter/MessageFilter';
import type { MessageFilterProps } from '../MessageFilter/MessageFilter';

/**
 * `ChatPanel`'s filter bar, loaded when the reader first opens it from the header: the search
 * field takes the focus, and Escape anywhere in the bar closes it (the panel then returns the
 * focus to its "Filter" button).
 */
export default function PanelFilter({
  onClose,
  ...props
}: Omit<MessageFilterProps, 'onClose'> & { onClose(): void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
  return (
    <MessageFilter
      {...props}
      className="natter-panel__filter"
      autoFocusSearch
      onKeyDown={onKeyDown}
    />
  );
}
