import { useState } from 'react';
import type { DumpMessage } from '@natter/core';
import { useChatExport } from '@natter/hooks';
import { ReplayView } from '@natter/ui';

/**
 * Build your own export UI on `useChatExport()`: `download()` saves the session's CSV (through
 * the Replay API when the provider has a `replay` endpoint), `load()` parses it for a replay;
 * `status`, `progress` and `error` drive the markup.
 */
export function MinimalExport() {
  const { download, load, abort, status, progress, error, hasReplay } = useChatExport();
  const [dump, setDump] = useState<DumpMessage[]>();
  const busy = status === 'requesting-url' || status === 'downloading' || status === 'parsing';
  const percent = progress?.total
    ? Math.round((100 * progress.loaded) / progress.total)
    : undefined;
  return (
    <div className="story-minimal">
      <p>{hasReplay ? 'Exports through the Replay API.' : 'Exports the live messages.'}</p>
      <div>
        <button type="button" onClick={() => void download()} disabled={busy}>
          Save CSV
        </button>{' '}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            load().then(
              (result) => setDump(result.messages),
              () => undefined,
            )
          }
        >
          Replay here
        </button>{' '}
        {busy && (
          <button type="button" onClick={abort}>
            Cancel
          </button>
        )}
      </div>
      <p role="status">
        {status}
        {percent !== undefined && busy ? ` ${percent}%` : ''}
      </p>
      {error && <p role="alert">{error.message}</p>}
      {dump && (
        <div className="story-parts story-replay-frame">
          <ReplayView messages={dump} />
        </div>
      )}
    </div>
  );
}
