'use client';
import { forwardRef, useEffect, useId, useState } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent } from 'react';
import { NO_FILTER, isFilterEmpty } from '@natter/core';
import type {
  ChatLike,
  ChatStore,
  IdList,
  MessageFilter as Filter,
  MessageKind,
} from '@natter/core';
import { useMessageFilter } from './useMessageFilter';
import { useJumpToMessage } from '../listController';
import { useRecordStrings } from '../strings';
import { cx } from '../utils/cx';
import { useLatestRef } from '../utils/useLatestRef';
import { shownName } from '../utils/displayName';

/** What the filter shows: the matching ids (undefined: no filter, show everything) and the term. */
export interface MessageFilterMatches {
  ids: IdList | undefined;
  search: string;
}

export interface MessageFilterProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** An explicit chat, overriding the provider's. */
  chat?: ChatLike | undefined;
  /** An explicit store (a replay's), overriding `chat` and the provider. */
  store?: ChatStore | undefined;
  /** Filter only these ids (the open conversation); default every message. */
  within?: IdList | undefined;
  /** Called when the matches change: feed `ids` to `MessageList` and `search` to its `highlight`. */
  onMatchesChange: (matches: MessageFilterMatches) => void;
  /** Escape in the search field: the app may close the filter. */
  onClose?: (() => void) | undefined;
  /** Focus the search field when it mounts (opened from a button). */
  autoFocusSearch?: boolean | undefined;
}

/**
 * One filter for the live list and the replay: participant, type, pinned only and text, combined,
 * with a match count. Enter and Shift+Enter in the search field (or the buttons) go to the next
 * and previous match in the nearest `MessageList` (through `ListControllerContext`).
 *
 * @example
 * ```tsx
 * const [matches, setMatches] = useState<MessageFilterMatches>({ ids: undefined, search: '' })
 * <MessageFilter onMatchesChange={setMatches} />
 * <MessageList ids={matches.ids} highlight={matches.search} />
 * ```
 */
export const MessageFilter = forwardRef<HTMLDivElement, MessageFilterProps>(function MessageFilter(
  { chat, store, within, onMatchesChange, onClose, autoFocusSearch, className, ...rest },
  ref,
) {
  const { strings } = useRecordStrings();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const { ids, count, total, participants } = useMessageFilter({
    chat,
    store,
    filter,
    within,
  });
  const jumpTo = useJumpToMessage();
  const [current, setCurrent] = useState(-1);
  const base = useId();
  const empty = isFilterEmpty(filter);
  const report = useLatestRef(onMatchesChange);
  useEffect(() => {
    report.current({ ids: empty ? undefined : ids, search: filter.search });
  }, [report, ids, empty, filter.search]);
  const change = (over: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...over }));
    setCurrent(-1);
  };

  const step = (by: 1 | -1) => {
    if (count === 0) return;
    const next = current < 0 ? (by > 0 ? 0 : count - 1) : (current + by + count) % count;
    setCurrent(next);
    const id = ids.at(next);
    if (id === undefined) return;
    const back = document.activeElement as HTMLElement | null;
    // The list focuses the message it jumps to; the reader keeps typing where they were.
    void jumpTo(id).then(() => back?.focus({ preventScroll: true }));
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
    }
  };
  const types: [MessageKind, string][] = [
    ['text', strings.typeText],
    ['image', strings.typeImage],
    ['file', strings.typeFile],
    ['custom', strings.typeCustom],
  ];
  return (
    <>
      <div
        ref={ref}
        role="search"
        aria-label={strings.replayFilters}
        {...rest}
        className={cx('natter-replay__filters', className)}
      >
        <label className="natter-replay__field" htmlFor={`${base}-search`}>
          <span className="natter-replay__label">{strings.searchMessages}</span>
          <input
            id={`${base}-search`}
            type="search"
            value={filter.search}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- opened by the reader's click on "Filter messages"
            autoFocus={autoFocusSearch}
            aria-keyshortcuts="Enter Shift+Enter"
            onChange={(e) => change({ search: e.target.value })}
            onKeyDown={onSearchKey}
          />
        </label>
        <label className="natter-replay__field" htmlFor={`${base}-participant`}>
          <span className="natter-replay__label">{strings.filterParticipant}</span>
          <select
            id={`${base}-participant`}
            value={filter.participant}
            onChange={(e) => change({ participant: e.target.value })}
          >
            <option value="">{strings.allParticipants}</option>
            {participants.map((p) => (
              <option key={p.userId} value={p.userId}>
                {shownName(p.name).text}
              </option>
            ))}
          </select>
        </label>
        <label className="natter-replay__field" htmlFor={`${base}-type`}>
          <span className="natter-replay__label">{strings.filterType}</span>
          <select
            id={`${base}-type`}
            value={filter.type}
            onChange={(e) => change({ type: e.target.value as MessageKind | '' })}
          >
            <option value="">{strings.allTypes}</option>
            {types.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="natter-replay__checkbox" htmlFor={`${base}-pinned`}>
          <input
            id={`${base}-pinned`}
            type="checkbox"
            checked={filter.pinnedOnly}
            onChange={(e) => change({ pinnedOnly: e.target.checked })}
          />
          <span>{strings.pinnedOnly}</span>
        </label>
        <output className="natter-replay__count" aria-live="polite" dir="auto">
          {current >= 0 && !empty
            ? strings.matchPosition(current + 1, count)
            : strings.matchCount(count, total)}
        </output>
        <button
          type="button"
          className="natter-control"
          aria-keyshortcuts="Shift+Enter"
          disabled={count === 0}
          onClick={() => step(-1)}
        >
          {strings.previousMatch}
        </button>
        <button
          type="button"
          className="natter-control"
          aria-keyshortcuts="Enter"
          disabled={count === 0}
          onClick={() => step(1)}
        >
          {strings.nextMatch}
        </button>
      </div>
      {count === 0 && total > 0 ? (
        <p className="natter-replay__empty">{strings.noMatches}</p>
      ) : null}
    </>
  );
});
