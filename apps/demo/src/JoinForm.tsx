import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ThemeToggle } from './ThemeToggle';
import { joinMeeting } from './joinMeeting';
import type { JoinedMeeting } from './joinMeeting';
import type { Theme } from './useTheme';

export interface JoinFormProps {
  meetingId: string;
  theme: { theme: Theme; toggle(): void };
  /** The name used before leaving, offered again. */
  leftAs?: string;
  /** Why the page is back in the lobby (rejoining after a reload failed). */
  error?: string;
  onJoined(meeting: JoinedMeeting): void;
}

/** The lobby: a name, then `POST /api/join` and the chat connection. */
export function JoinForm({
  meetingId,
  theme,
  leftAs,
  error: initialError,
  onJoined,
}: JoinFormProps) {
  const nameId = useId();
  const errorId = useId();
  const hostId = useId();
  const [name, setName] = useState(leftAs ?? '');
  const [asHost, setAsHost] = useState(false);
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);
  // Joining is the only thing to do here: the cursor starts in the name field.
  const nameRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => nameRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onJoined(await joinMeeting(name.trim(), meetingId, { host: asHost }));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  return (
    <main className="demo-lobby">
      <div className="demo-lobby__theme">
        <ThemeToggle theme={theme} />
      </div>
      <form className="demo-card" onSubmit={submit} aria-labelledby={`${nameId}-title`}>
        <h1 id={`${nameId}-title`} className="demo-card__title">
          Join the meeting
        </h1>
        <p className="demo-muted">
          Room <code>{meetingId}</code>. Open this page in a second tab to join as someone else.
        </p>
        {leftAs ? <p role="status">You left the meeting.</p> : null}
        <label htmlFor={nameId} className="demo-label">
          Your name
        </label>
        <input
          ref={nameRef}
          id={nameId}
          className="demo-input"
          value={name}
          maxLength={60}
          required
          autoComplete="name"
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor={hostId} className="demo-check">
          <input
            id={hostId}
            type="checkbox"
            checked={asHost}
            onChange={(event) => setAsHost(event.target.checked)}
          />{' '}
          Join as host (can turn chat, files and private messages off for everyone)
        </label>
        {error ? (
          <p id={errorId} className="demo-error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="demo-button demo-button--primary"
          disabled={busy || name.trim() === ''}
        >
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}
