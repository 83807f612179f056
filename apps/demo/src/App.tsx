import { useEffect, useState } from 'react';
import { releaseChatStore } from '@natter/core';
import { JoinForm } from './JoinForm';
import { MeetingRoom } from './MeetingRoom';
import { leaveMeeting, resumeMeeting } from './joinMeeting';
import type { JoinedMeeting } from './joinMeeting';
import { useTheme } from './useTheme';

type Phase =
  | { name: 'resuming' }
  | { name: 'lobby'; left?: string; error?: string }
  | { name: 'room'; meeting: JoinedMeeting };

/** The meeting room for `?room=<id>` (default `demo-room`): a lobby to join, then the room. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'resuming' });
  const theme = useTheme();
  const meetingId = new URLSearchParams(location.search).get('room') ?? 'demo-room';

  // After a reload this tab is the same person again (its signed cookie), straight into the room.
  useEffect(() => {
    if (phase.name !== 'resuming') return;
    let cancelled = false;
    resumeMeeting(meetingId).then(
      (meeting) => {
        if (cancelled) meeting?.chat.close();
        else setPhase(meeting ? { name: 'room', meeting } : { name: 'lobby' });
      },
      (error: unknown) => {
        if (!cancelled) setPhase({ name: 'lobby', error: `Rejoining failed: ${String(error)}` });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [phase.name, meetingId]);

  if (phase.name === 'resuming') {
    return (
      <main className="demo-lobby">
        <p className="demo-card" role="status">
          Rejoining…
        </p>
      </main>
    );
  }

  if (phase.name === 'room') {
    const { meeting } = phase;
    return (
      <MeetingRoom
        meeting={meeting}
        theme={theme}
        onLeave={() => {
          meeting.chat.close();
          releaseChatStore(meeting.chat);
          void leaveMeeting();
          setPhase({ name: 'lobby', left: meeting.displayName });
        }}
      />
    );
  }
  return (
    <JoinForm
      meetingId={meetingId}
      theme={theme}
      leftAs={phase.left}
      error={phase.error}
      onJoined={(meeting) => setPhase({ name: 'room', meeting })}
    />
  );
}
