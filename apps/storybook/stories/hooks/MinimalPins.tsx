import { useId } from 'react';
import { useChat, usePinned } from '@natter/hooks';

/**
 * Build your own pin UI on `usePinned()`: the pinned messages (in pin order, following everyone's
 * pins) and `toggle` / `unpin`, which return promises. `useChat()` lists the messages to pin.
 */
export function MinimalPins() {
  const id = useId();
  const { messages } = useChat();
  const { pinned, toggle, unpin, isPinned } = usePinned();
  const summary = (m: (typeof messages)[number]) =>
    m.type === 'text' ? m.message : m.type === 'file' ? m.name : `[${m.type}]`;
  return (
    <div className="story-minimal">
      <section aria-labelledby={`${id}-pins`}>
        <h2 id={`${id}-pins`}>Pinned ({pinned.length})</h2>
        <ul aria-label="Pinned messages">
          {pinned.map((m) => (
            <li key={m.id}>
              <b>{m.displayName}</b>: {summary(m)}{' '}
              <button type="button" onClick={() => void unpin(m.id)}>
                Unpin
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={`${id}-all`}>
        <h2 id={`${id}-all`}>Messages</h2>
        <ul aria-label="All messages">
          {messages.map((m) => (
            <li key={m.clientKey}>
              <button
                type="button"
                aria-pressed={isPinned(m.id)}
                aria-label={`Pin: ${summary(m)}`}
                onClick={() => void toggle(m.id)}
              >
                📌
              </button>{' '}
              <b>{m.displayName}</b>: {summary(m)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
