'use client';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Participant } from '@natter/core';
import { useStrings } from '../strings';
import { cleanName } from '../utils/displayName';
import { useStableCallback } from '../utils/useLatestRef';

export interface MentionComboboxProps {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  text: string;
  setText(text: string): void;
  /** The people who can be mentioned (joined, not you). */
  people: readonly Participant[];
}

/** The most people offered at once; typing narrows the list. */
const MAX_OPTIONS = 8;
/** A query this long with no match is no longer a mention being typed. */
const MAX_QUERY = 40;
const GAP = 4;

const canPopover = () =>
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** Case- and accent-insensitive form: "Zoë" and "ZOE" both fold to "zoe". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The `@` being typed before the caret: its index and the query after it, or null. */
function triggerAt(text: string, caret: number): { at: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const match = /(?:^|[^\p{L}\p{N}\p{M}_])@([^@\n]*)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  const at = caret - query.length - 1;
  // `@` right at the window's start may be mid-word in the full text.
  if (at > 0 && /[\p{L}\p{N}\p{M}_]/u.test(text[at - 1] ?? '')) return null;
  return { at, query };
}

/** People whose name, or a word of it, starts with the query; those whose name does come first. */
export function filterPeople(people: readonly Participant[], query: string): Participant[] {
  const q = fold(query.trimStart());
  const scored: { p: Participant; name: string; rank: number }[] = [];
  for (const p of people) {
    const name = cleanName(p.name);
    const folded = fold(name);
    if (!name) continue;
    if (folded.startsWith(q)) scored.push({ p, name, rank: 0 });
    else if (` ${folded}`.includes(` ${q}`)) scored.push({ p, name, rank: 1 });
  }
  scored.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return scored.slice(0, MAX_OPTIONS).map((s) => s.p);
}

/**
 * The `@`-mention suggestions of the composer, loaded when `@` is first typed: a listbox of
 * people controlled from the textarea (`aria-autocomplete="list"`, `aria-controls`,
 * `aria-activedescendant`; focus stays in the textarea).
 * ArrowUp/Down move, Enter or Tab choose, Escape closes and keeps the text; the number of
 * suggestions is announced politely. Choosing writes `@Display Name ` into the text.
 */
export function MentionCombobox({ textareaRef, text, setText, people }: MentionComboboxProps) {
  const { strings } = useStrings();
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  /** The active option, for the `@` and query it was chosen under (a new query starts at 0). */
  const [active, setActive] = useState({ key: '', index: 0 });
  /** The `@` and query the reader dismissed with Escape: closed until the query changes. */
  const [dismissed, setDismissed] = useState<string | null>(null);
  const nextCaret = useRef<number | null>(null);

  // Follow the caret: typing, clicks and arrow keys move it without a React event of ours.
  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return undefined;
    const update = () => setCaret(document.activeElement === el ? el.selectionStart : null);
    update();
    const events = ['input', 'keyup', 'click', 'focus', 'blur'] as const;
    document.addEventListener('selectionchange', update);
    for (const name of events) el.addEventListener(name, update);
    return () => {
      document.removeEventListener('selectionchange', update);
      for (const name of events) el.removeEventListener(name, update);
    };
  }, [textareaRef]);

  const trigger = caret === null ? null : triggerAt(text, caret);
  const query = trigger ? trigger.query : null;
  const at = trigger ? trigger.at : null;
  const options = query === null ? [] : filterPeople(people, query);
  const key = `${at}:${query}`;
  const live = trigger !== null && key !== dismissed;
  const open = live && options.length > 0;
  // "No one matches" shows while the query could still be a name being typed.
  const noMatch =
    live && options.length === 0 && trigger.query.length > 0 && !/\s$/.test(trigger.query);
  const current = active.key === key ? Math.min(active.index, Math.max(0, options.length - 1)) : 0;
  const optionId = (i: number) => `${listId}-${i}`;

  const choose = (person: Participant | undefined) => {
    if (!person || !trigger || caret === null) return;
    const mention = `@${cleanName(person.name)} `;
    nextCaret.current = trigger.at + mention.length;
    setText(text.slice(0, trigger.at) + mention + text.slice(caret));
  };

  // After a choice, put the caret after the inserted mention.
  useLayoutEffect(() => {
    const el = textareaRef.current;
    const at = nextCaret.current;
    if (!el || at === null || el.value !== text) return;
    nextCaret.current = null;
    el.setSelectionRange(at, at);
    setCaret(at);
  }, [text, textareaRef]);

  // The popup's state lives on the textarea, which the composer renders. It stays a textbox:
  // ARIA in HTML allows no other role on a textarea (axe: aria-allowed-role), and a textbox may
  // not carry aria-expanded, so the open list shows as aria-controls + aria-activedescendant.
  useLayoutEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.setAttribute('aria-autocomplete', 'list');
    if (open) {
      el.setAttribute('aria-controls', listId);
      el.setAttribute('aria-activedescendant', optionId(current));
    } else {
      el.removeAttribute('aria-controls');
      el.removeAttribute('aria-activedescendant');
    }
  });

  // Keys reach us before the composer's handlers (Enter would send, Escape cancel an edit).
  const onKey = useStableCallback((event: KeyboardEvent) => {
    if (!open || event.isComposing) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) setActive({ key, index: (current + step + options.length) % options.length });
    else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey)
      choose(options[current]);
    else if (event.key === 'Escape') setDismissed(key);
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return undefined;
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [textareaRef, onKey]);

  // In the top layer above the textarea (below it when there is no room), never clipped.
  useLayoutEffect(() => {
    const list = listRef.current;
    const el = textareaRef.current;
    if (!list || !el || !(open || noMatch)) return;
    if (canPopover() && !list.matches(':popover-open')) list.showPopover();
    const anchor = el.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    const above = anchor.top - GAP - box.height;
    const rtl = getComputedStyle(el).direction === 'rtl';
    const left = rtl ? anchor.right - box.width : anchor.left;
    list.style.top = `${Math.max(GAP, above >= GAP ? above : anchor.bottom + GAP)}px`;
    list.style.left = `${Math.max(GAP, left)}px`;
  });

  return (
    <>
      {open || noMatch ? (
        <ul
          ref={listRef}
          id={listId}
          role={open ? 'listbox' : undefined}
          aria-label={strings.mentionList}
          className="natter-actions__menu natter-mentions"
          popover={canPopover() ? 'manual' : undefined}
          data-state={open ? 'open' : 'empty'}
        >
          {open ? (
            options.map((person, i) => (
              // Keys go to the textarea (the combobox), as the ARIA pattern has it; a click here
              // is the pointer's way to choose.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={person.userId}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                className="natter-actions__item"
                // The textarea keeps focus (and the caret) while a suggestion is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(person)}
              >
                <bdi>{cleanName(person.name)}</bdi>
              </li>
            ))
          ) : (
            <li className="natter-actions__item" aria-hidden="true">
              {strings.mentionCount(0)}
            </li>
          )}
        </ul>
      ) : null}
      <span className="natter-visually-hidden" role="status">
        {open || noMatch ? strings.mentionCount(options.length) : ''}
      </span>
    </>
  );
}
