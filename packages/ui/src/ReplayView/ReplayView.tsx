'use client';
import { forwardRef, useEffect, useId, useMemo, useState } from 'react';
import type { ChangeEvent, ComponentPropsWithoutRef } from 'react';
import { createChatStore, parseChatDumpInWorker } from '@natter/core';
import type { ChatStore, DumpMessage, MessageKind } from '@natter/core';
import { useChat } from '@natter/hooks';
import { MessageList } from '../MessageList/MessageList';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import type { NatterTheme } from '../utils/theme';
import { createStaticChat } from './createStaticChat';
import { useReplayFilters } from './useReplayFilters';

export interface ReplayViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /**
   * A parsed chat dump (`parseChatDump(...)`, `useChatExport().load()`). Without it the view
   * offers a file input to open a `.csv` export.
   */
  messages?: readonly DumpMessage[] | undefined;
  /** Marks this participant's messages as own. */
  selfUserId?: string | undefined;
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
}

type FileState =
  | { status: 'idle' }
  | { status: 'parsing' }
  | { status: 'error'; reason: string }
  | { status: 'done'; messages: DumpMessage[]; rowErrors: number };

/** A read-only store over the dump, created once per dump and destroyed with it. */
function useStaticStore(messages: readonly DumpMessage[]): ChatStore {
  const store = useMemo(() => createChatStore(createStaticChat(messages)), [messages]);
  useEffect(() => () => store.destroy(), [store]);
  return store;
}

function ReplayBody({
  messages,
  selfUserId,
}: {
  messages: readonly DumpMessage[];
  selfUserId: string | undefined;
}) {
  const { strings } = useStrings();
  const store = useStaticStore(messages);
  const { messages: entries } = useChat({ store });
  const { filters, setFilters, participants, ids } = useReplayFilters(entries);
  const base = useId();
  const types: [MessageKind, string][] = [
    ['text', strings.typeText],
    ['image', strings.typeImage],
    ['file', strings.typeFile],
    ['custom', strings.typeCustom],
  ];
  return (
    <>
      <div role="search" className="natter-replay-filters" aria-label={strings.replayFilters}>
        <label className="natter-replay-field" htmlFor={`${base}-search`}>
          <span className="natter-replay-field-label">{strings.searchMessages}</span>
          <input
            id={`${base}-search`}
            type="search"
            value={filters.search}
            onChange={(e) => setFilters((f) => ({ ...f, search: e.target.value }))}
          />
        </label>
        <label className="natter-replay-field" htmlFor={`${base}-participant`}>
          <span className="natter-replay-field-label">{strings.filterParticipant}</span>
          <select
            id={`${base}-participant`}
            value={filters.participant}
            onChange={(e) => setFilters((f) => ({ ...f, participant: e.target.value }))}
          >
            <option value="">{strings.allParticipants}</option>
            {participants.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="natter-replay-field" htmlFor={`${base}-type`}>
          <span className="natter-replay-field-label">{strings.filterType}</span>
          <select
            id={`${base}-type`}
            value={filters.type}
            onChange={(e) =>
              setFilters((f) => ({ ...f, type: e.target.value as MessageKind | '' }))
            }
          >
            <option value="">{strings.allTypes}</option>
            {types.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="natter-replay-checkbox" htmlFor={`${base}-pinned`}>
          <input
            id={`${base}-pinned`}
            type="checkbox"
            checked={filters.pinnedOnly}
            onChange={(e) => setFilters((f) => ({ ...f, pinnedOnly: e.target.checked }))}
          />
          <span>{strings.pinnedOnly}</span>
        </label>
        <output className="natter-replay-count" aria-live="polite" dir="auto">
          {strings.matchCount(ids.length, entries.length)}
        </output>
      </div>
      {ids.length === 0 && entries.length > 0 ? (
        <p className="natter-replay-empty">{strings.noMatches}</p>
      ) : null}
      <MessageList store={store} ids={ids} highlight={filters.search} selfUserId={selfUserId} />
    </>
  );
}

/**
 * A chat dump shown read-only in the message list, with filters by participant and type, text
 * search with highlighted matches, and pinned-only. Give it parsed `messages`, or let the reader
 * open a `.csv` export with its file input.
 *
 * @example
 * ```tsx
 * const { load } = useChatExport()
 * const [dump, setDump] = useState<DumpMessage[]>()
 * <button onClick={async () => setDump((await load()).messages)}>Replay</button>
 * {dump && <ReplayView messages={dump} />}
 * ```
 */
export const ReplayView = forwardRef<HTMLElement, ReplayViewProps>(function ReplayView(
  { messages, selfUserId, theme, className, 'aria-label': ariaLabel, ...rest },
  ref,
) {
  const { strings } = useStrings();
  const [file, setFile] = useState<FileState>({ status: 'idle' });
  const inputId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    if (!picked) return;
    setFile({ status: 'parsing' });
    try {
      // Off the main thread: a long meeting's dump is hundreds of MB.
      const result = await parseChatDumpInWorker(picked);
      setFile({ status: 'done', messages: result.messages, rowErrors: result.errors.length });
    } catch (error) {
      setFile({ status: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const shown = messages ?? (file.status === 'done' ? file.messages : undefined);
  return (
    <section
      ref={ref}
      aria-label={ariaLabel ?? strings.replayLabel}
      {...rest}
      className={cx('natter-replay', className)}
      data-natter-theme={theme}
      data-state={messages ? 'loaded' : file.status}
    >
      {messages === undefined ? (
        <div className="natter-replay-open">
          <label className="natter-replay-field" htmlFor={inputId}>
            <span className="natter-replay-field-label">{strings.openChatDump}</span>
            <input
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void onFile(e)}
            />
          </label>
          {file.status === 'parsing' ? <p role="status">{strings.parsingChatDump}</p> : null}
          {file.status === 'error' ? (
            <p role="alert">{strings.chatDumpFailed(file.reason)}</p>
          ) : null}
          {file.status === 'done' && file.rowErrors > 0 ? (
            <p role="status">{strings.chatDumpRowErrors(file.rowErrors)}</p>
          ) : null}
        </div>
      ) : null}
      {shown ? (
        <ReplayBody key={messages ? 'prop' : 'file'} messages={shown} selfUserId={selfUserId} />
      ) : null}
    </section>
  );
});
