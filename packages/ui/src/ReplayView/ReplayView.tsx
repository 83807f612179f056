'use client';
import { forwardRef, useEffect, useId, useMemo, useState } from 'react';
import type { ChangeEvent, ComponentPropsWithoutRef } from 'react';
import { createChatStore, createStaticChat, parseChatDumpInWorker } from '@natter/core';
import type { ChatStore, DumpMessage } from '@natter/core';
import { ListControllerContext, useListControllerRef } from '../listController';
import { MeetingTimeProvider } from '../Message/meetingTime';
import { MessageFilter } from '../MessageFilter/MessageFilter';
import type { MessageFilterMatches } from '../MessageFilter/MessageFilter';
import { MessageList } from '../MessageList/MessageList';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import type { NatterTheme } from '../utils/theme';

export interface ReplayViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /**
   * A parsed chat dump (`parseChatDump(...)`, `useChatExport().load()`). Without it the view
   * offers a file input to open a `.csv` export.
   */
  messages?: readonly DumpMessage[] | undefined;
  /**
   * Who is looking at the replay: their messages show as own (`data-origin="local"`). Default:
   * who self is in the surrounding `ChatProvider`, if any (a replay may have none).
   */
  viewerUserId?: string | undefined;
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
  /** `absolute` (default) or `meeting`: times as "+12:30" from the meeting's start, as `ChatPanel`. */
  timeFormat?: 'absolute' | 'meeting' | undefined;
  /** The meeting's start for `timeFormat="meeting"`; default the dump's first message. */
  meetingStartedAt?: Date | number | undefined;
}

type FileState =
  | { status: 'idle' }
  | { status: 'parsing' }
  | { status: 'error'; reason: string }
  | { status: 'done'; messages: DumpMessage[]; rowErrors: number };

/** The dump's earliest time (dumps are usually, not always, in order). */
function earliest(messages: readonly DumpMessage[]): number | undefined {
  let min: number | undefined;
  for (const m of messages) {
    const t = m.time.getTime();
    if (Number.isFinite(t) && (min === undefined || t < min)) min = t;
  }
  return min;
}

/** A read-only store over the dump, created once per dump and viewer and destroyed with it. */
function useStaticStore(
  messages: readonly DumpMessage[],
  viewerUserId: string | undefined,
): ChatStore {
  const store = useMemo(
    () => createChatStore(createStaticChat(messages), { selfUserId: viewerUserId }),
    [messages, viewerUserId],
  );
  useEffect(() => () => store.destroy(), [store]);
  return store;
}

function ReplayBody({
  messages,
  viewerUserId,
  startedAt,
}: {
  messages: readonly DumpMessage[];
  viewerUserId: string | undefined;
  startedAt: Date | number | null | undefined;
}) {
  // The list reads who self is from this store: the viewer, else the provider's self.
  const store = useStaticStore(messages, viewerUserId);
  const controller = useListControllerRef();
  const [matches, setMatches] = useState<MessageFilterMatches>({ ids: undefined, search: '' });
  return (
    <MeetingTimeProvider startedAt={startedAt}>
      <ListControllerContext.Provider value={controller}>
        <MessageFilter store={store} onMatchesChange={setMatches} />
        <MessageList store={store} ids={matches.ids} highlight={matches.search} />
      </ListControllerContext.Provider>
    </MeetingTimeProvider>
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
  {
    messages,
    viewerUserId,
    theme,
    timeFormat,
    meetingStartedAt,
    className,
    'aria-label': ariaLabel,
    ...rest
  },
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
        <div className="natter-replay__open">
          <label className="natter-replay__field" htmlFor={inputId}>
            <span className="natter-replay__label">{strings.openChatDump}</span>
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
        <ReplayBody
          key={messages ? 'prop' : 'file'}
          messages={shown}
          viewerUserId={viewerUserId}
          startedAt={timeFormat === 'meeting' ? (meetingStartedAt ?? earliest(shown)) : null}
        />
      ) : null}
    </section>
  );
});
