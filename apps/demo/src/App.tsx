import { useState } from 'react';
import { releaseChatStore } from '@natter/core';
import { JoinForm } from './JoinForm';
import { MeetingRoom } from './MeetingRoom';
import type { JoinedMeeting } from './joinMeeting';
import { useTheme } from './useTheme';

type Phase = { name: 'lobby'; left?: string } | { name: 'room'; meeting: JoinedMeeting };

/** The meeting room for `?room=<id>` (default `demo-room`): a lobby to join, then the room. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'lobby' });
  const theme = useTheme();
  const meetingId = new URLSearchParams(location.search).get('room') ?? 'demo-room';

  if (phase.name === 'room') {
    const { meeting } = phase;
    return (
      <MeetingRoom
        meeting={meeting}
        theme={theme}
        onLeave={() => {
          meeting.chat.close();
          releaseChatStore(meeting.chat);
          setPhase({ name: 'lobby', left: meeting.displayName });
        }}
      />
    );
  }
  return (
    <JoinForm
      meetingId={meetingId}
      theme={theme}
      {...(phase.left ? { leftAs: phase.left } : {})}
      onJoined={(meeting) => setPhase({ name: 'room', meeting })}
    />
  );
}
