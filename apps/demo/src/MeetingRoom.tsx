import { useEffect, useState } from 'react';
import { createDevMeeting } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { ChatPanel, Composer } from '@natter/ui';
import { HostControls } from './HostControls';
import { ParticipantList } from './ParticipantList';
import { ThemeToggle } from './ThemeToggle';
import type { JoinedMeeting } from './joinMeeting';
import { useConnectionState, useParticipants } from './useDevChatState';
import type { Theme } from './useTheme';

declare global {
  interface Window {
    /** The live chat object, for tests and for poking at from the devtools console. */
    __natterDemo?: { chat: JoinedMeeting['chat']; sessionId: string; userId: string };
  }
}

export interface MeetingRoomProps {
  meeting: JoinedMeeting;
  theme: { theme: Theme; toggle(): void };
  onLeave(): void;
}

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Left',
  failed: 'Disconnected',
} as const;

/** The room: who is here, the chat panel (the kit's recipient choice and conversations), theme and leave. */
export function MeetingRoom({ meeting, theme, onLeave }: MeetingRoomProps) {
  const { chat, sessionId, userId, displayName, meetingId } = meeting;
  // The dev chat in the RealtimeKit shape: the kit reads permissions and participants from it.
  const kitMeeting = createDevMeeting(chat);
  const participants = useParticipants(chat);
  const connection = useConnectionState(chat);
  useEffect(() => {
    window.__natterDemo = { chat, sessionId, userId };
    return () => {
      if (window.__natterDemo?.chat === chat) delete window.__natterDemo;
    };
  }, [chat, sessionId, userId]);

  // Times as "+12:30" from the meeting's start (its first message), for following a recording.
  const [meetingTime, setMeetingTime] = useState(false);

  return (
    <div className="demo-room">
      <header className="demo-topbar">
        <h1 className="demo-topbar__title">
          Natter demo <span className="demo-muted">· {meetingId}</span>
        </h1>
        <span className="demo-connection" data-state={connection} role="status">
          {CONNECTION_LABEL[connection]}
        </span>
        <span className="demo-topbar__spacer" />
        <span className="demo-muted">
          Signed in as <bdi>{displayName}</bdi>
        </span>
        <ThemeToggle theme={theme} />
        <button
          type="button"
          className="demo-button"
          aria-pressed={meetingTime}
          onClick={() => setMeetingTime(!meetingTime)}
        >
          Meeting time
        </button>
        <button type="button" className="demo-button demo-button--danger" onClick={onLeave}>
          Leave
        </button>
      </header>
      <div className="demo-body">
        <div className="demo-side">
          <ParticipantList participants={participants} selfUserId={userId} />
          {chat.self.preset === 'host' ? <HostControls chat={chat} /> : null}
        </div>
        <ChatProvider meeting={kitMeeting} replay={{ endpoint: '/api/chat-replay', sessionId }}>
          <ChatPanel
            className="demo-chat"
            meetingName={meetingId}
            timeFormat={meetingTime ? 'meeting' : 'absolute'}
            composer={<Composer focusOnMount draftKey={`natter-demo:${meetingId}`} />}
          />
        </ChatProvider>
      </div>
    </div>
  );
}
