'use client';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ComponentPropsWithRef, KeyboardEvent, MouseEvent, RefObject } from 'react';
import { composeHandlers } from '../utils/composeHandlers';

export interface UseMenuOptions {
  /** Number of enabled items. */
  itemCount: number;
}

export interface UseMenuResult {
  isOpen: boolean;
  open(focus?: 'first' | 'last'): void;
  /** Closes; `returnFocus` puts focus back on the menu button. */
  close(returnFocus?: boolean): void;
  getButtonProps(props?: ComponentPropsWithRef<'button'>): ComponentPropsWithRef<'button'>;
  getMenuProps(props?: ComponentPropsWithRef<'div'>): ComponentPropsWithRef<'div'>;
  /** Props for item `index`; `onSelect` runs after the menu closes. */
  getItemProps(
    index: number,
    onSelect: () => void,
    props?: ComponentPropsWithRef<'button'>,
  ): ComponentPropsWithRef<'button'>;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/**
 * A menu button (WAI-ARIA APG pattern): Enter, Space and ArrowDown open it on the first item,
 * ArrowUp on the last; arrows move (wrapping), Home/End jump, Esc closes and returns focus to the
 * button, Tab closes and moves on, a click outside closes.
 */
export function useMenu({ itemCount }: UseMenuOptions): UseMenuResult {
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const menuRef = useRef<HTMLDivElement | null>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  const open = useCallback(
    (focus: 'first' | 'last' = 'first') => {
      setActive(focus === 'first' ? 0 : Math.max(0, itemCount - 1));
      setOpen(true);
    },
    [itemCount],
  );
  const close = useCallback((returnFocus = false) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // The open menu sits in the top layer (a manual popover) at a position computed from its
  // button: below it, flipped above when it would leave the viewport, clamped inside it. So no
  // scroll container clips it and nothing (the list's jump button) covers it.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const button = buttonRef.current;
    if (!isOpen || !menu || !button) return undefined;
    if (typeof menu.showPopover === 'function') menu.showPopover();
    const place = () => placeMenu(menu, button);
    place();
    window.addEventListener('resize', place);
    document.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      document.removeEventListener('scroll', place, true);
    };
  }, [isOpen]);

  // Roving focus: the active item holds it while the menu is open, from the commit that opens it.
  useLayoutEffect(() => {
    if (isOpen) items.current[active]?.focus();
  }, [isOpen, active]);

  useEffect(() => {
    if (!isOpen) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = itemCount - 1;
    const move = (to: number) => {
      event.preventDefault();
      setActive(to);
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(active >= last ? 0 : active + 1);
      case 'ArrowUp':
        return move(active <= 0 ? last : active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
      default:
        return undefined;
    }
  };

  return {
    isOpen,
    open,
    close,
    buttonRef,
    getButtonProps: (props = {}) => ({
      type: 'button',
      id: `${id}-button`,
      'aria-haspopup': 'menu',
      'aria-expanded': isOpen,
      'aria-controls': isOpen ? `${id}-menu` : undefined,
      'data-state': isOpen ? 'open' : 'closed',
      ...props,
      ref: buttonRef,
      onClick: composeHandlers(props.onClick, (_event: MouseEvent<HTMLButtonElement>) =>
        isOpen ? close(false) : open('first'),
      ),
      onKeyDown: composeHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLButtonElement>) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          open(event.key === 'ArrowDown' ? 'first' : 'last');
        }
      }),
    }),
    getMenuProps: (props = {}) => ({
      role: 'menu',
      id: `${id}-menu`,
      // Only where the Popover API exists: elsewhere a [popover] element would stay hidden.
      popover: canPopover() ? 'manual' : undefined,
      'aria-labelledby': `${id}-button`,
      'data-state': isOpen ? 'open' : 'closed',
      ...props,
      ref: menuRef,
      onKeyDown: composeHandlers(props.onKeyDown, onMenuKeyDown),
    }),
    getItemProps: (index, onSelect, props = {}) => ({
      type: 'button',
      role: 'menuitem',
      tabIndex: index === active ? 0 : -1,
      ...props,
      ref: (el: HTMLButtonElement | null) => {
        items.current[index] = el;
      },
      onClick: composeHandlers(props.onClick, () => {
        setOpen(false);
        onSelect();
      }),
      onPointerMove: composeHandlers(props.onPointerMove, () => {
        if (index !== active) setActive(index);
      }),
    }),
  };
}

const GAP = 4;

const canPopover = () =>
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** Puts `menu` below `button` (inline-end aligned), flipped above or clamped to stay visible. */
export function placeMenu(menu: HTMLElement, button: HTMLElement): void {
  const anchor = button.getBoundingClientRect();
  const box = menu.getBoundingClientRect();
  const { clientWidth: viewWidth, clientHeight: viewHeight } = document.documentElement;
  const clamp = (value: number, max: number) => Math.max(GAP, Math.min(value, max - GAP));
  let top = anchor.bottom + GAP;
  if (top + box.height > viewHeight - GAP && anchor.top - GAP - box.height >= GAP) {
    top = anchor.top - GAP - box.height;
  }
  const rtl = getComputedStyle(button).direction === 'rtl';
  const left = rtl ? anchor.left : anchor.right - box.width;
  menu.style.top = `${clamp(top, viewHeight - box.height)}px`;
  menu.style.left = `${clamp(left, viewWidth - box.width)}px`;
  menu.dataset.side = top < anchor.top ? 'top' : 'bottom';
}
