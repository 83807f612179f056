import { useState } from 'react';
import { useChat } from '@natter/hooks';

/**
 * Build your own chat UI on `useChat()`: messages with their send status, and bound actions that
 * return promises. This whole UI is the 40 lines below.
 */
export function MinimalChat() {
  const { messages, sendText, retry, lastError, isSending, status } = useChat();
  const [draft, setDraft] = useState('');
  return (
    <section aria-label="Minimal chat" className="story-minimal">
      <p aria-live="polite">{status === 'ready' ? `${messages.length} messages` : 'Loading…'}</p>
      <ol aria-label="Messages">
        {messages.map((m) => (
          <li key={m.clientKey} data-status={m.status}>
            <b>{m.displayName}</b>: {m.type === 'text' ? m.message : `[${m.type}]`}{' '}
            {m.status === 'failed' && (
              <button type="button" onClick={() => void retry(m.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          sendText(draft).then(
            () => undefined,
            () => undefined,
          );
          setDraft('');
        }}
      >
        <label>
          Message <input value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" disabled={isSending && draft === ''}>
          Send
        </button>
      </form>
      {lastError && <p role="alert">{lastError.message}</p>}
    </section>
  );
}
