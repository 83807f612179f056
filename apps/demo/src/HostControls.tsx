import { useCallback, useState, useSyncExternalStore } from 'react';
import { toChatError } from '@natter/core';
import type { DevChat, DevChatControls } from '@natter/core';

/** The room's controls as the dev server last said, live (`permissionsUpdate`). */
function useControls(chat: DevChat): Readonly<DevChatControls> {
  const preset = chat.self.permissions;
  const subscribe = useCallback(
    (onChange: () => void) => {
      preset.on('permissionsUpdate', onChange);
      return () => void preset.off('permissionsUpdate', onChange);
    },
    [preset],
  );
  // The preset mutates `controls` in place: hand React a key that changes with its content.
  const key = useSyncExternalStore(subscribe, () => JSON.stringify(preset.controls));
  return JSON.parse(key) as DevChatControls;
}

const SWITCHES: { key: keyof DevChatControls; label: string }[] = [
  { key: 'chat', label: 'Participants can chat' },
  { key: 'files', label: 'Participants can send files' },
  { key: 'privateChat', label: 'Participants can message privately' },
];

/** What a host sees: switches for the room's chat, enforced by the dev server for everyone else. */
export function HostControls({ chat }: { chat: DevChat }) {
  const controls = useControls(chat);
  const [error, setError] = useState('');
  return (
    <section className="demo-host" aria-labelledby="demo-host-title">
      <h2 id="demo-host-title" className="demo-host__title">
        Host controls
      </h2>
      {SWITCHES.map(({ key, label }) => (
        <label key={key} className="demo-check">
          <input
            type="checkbox"
            role="switch"
            checked={controls[key]}
            onChange={(event) => {
              setError('');
              chat
                .setChatControls({ [key]: event.target.checked })
                .catch((caught: unknown) => setError(toChatError(caught).message));
            }}
          />{' '}
          {label}
        </label>
      ))}
      <p className="demo-error" role="alert">
        {error}
      </p>
    </section>
  );
}
