'use client';
import type { ChatStatus, ChatStore } from '@natter/core';
import { useStrings } from '../strings';

export interface ListEmptyProps {
  store: ChatStore;
  /** The store's history status. */
  status: ChatStatus;
  /** A filtered view (the `ids` prop): empty means no match, never "loading" or a failure. */
  filtered: boolean;
}

/** What an empty list shows: loading history, no messages yet, or a failed load with Retry. */
export function ListEmpty({ store, status, filtered }: ListEmptyProps) {
  const { strings } = useStrings();
  return (
    <div className="natter-list-empty">
      {status === 'error' && !filtered ? (
        <>
          <p>{strings.historyFailed}</p>
          <button type="button" className="natter-list-button" onClick={() => void store.resync()}>
            {strings.retry}
          </button>
        </>
      ) : (
        <p>{status === 'ready' || filtered ? strings.emptyList : strings.loadingHistory}</p>
      )}
    </div>
  );
}
