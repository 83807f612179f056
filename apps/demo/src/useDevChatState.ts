import { useCallback, useSyncExternalStore } from 'react';
import type { DevChat, DevConnectionState } from '@natter/core';

/** Someone in the room (`DevParticipant` in core's devChat protocol). */
export type DevParticipant = DevChat['participants'][number];

/** Who is in the room, from the dev server's presence (`participantsUpdate`). */
export function useParticipants(chat: DevChat): readonly DevParticipant[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      chat.on('participantsUpdate', onChange);
      return () => void chat.off('participantsUpdate', onChange);
    },
    [chat],
  );
  return useSyncExternalStore(subscribe, () => chat.participants);
}

/** `connecting`, `connected`, `reconnecting` (after a drop, while it resyncs), `closed`, `failed`. */
export function useConnectionState(chat: DevChat): DevConnectionState {
  const subscribe = useCallback(
    (onChange: () => void) => {
      chat.on('connectionStateChange', onChange);
      return () => void chat.off('connectionStateChange', onChange);
    },
    [chat],
  );
  return useSyncExternalStore(subscribe, () => chat.connectionState);
}
