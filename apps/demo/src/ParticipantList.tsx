import type { DevParticipant } from './useDevChatState';
import { initialsOf } from '@natter/ui';

export interface ParticipantListProps {
  participants: readonly DevParticipant[];
  selfUserId: string;
}

/** Who is in the room now, from the dev server's presence events: one tile per person. */
export function ParticipantList({ participants, selfUserId }: ParticipantListProps) {
  return (
    <section className="demo-stage" aria-labelledby="demo-people-title">
      <h2 id="demo-people-title" className="demo-stage__title">
        In the room <span className="demo-count">{participants.length}</span>
      </h2>
      <ul className="demo-tiles" aria-label="Participants">
        {participants.map((p) => (
          <li key={p.userId} className="demo-tile" data-self={p.userId === selfUserId || undefined}>
            <span className="demo-tile__avatar" aria-hidden="true">
              {initialsOf(p.displayName)}
            </span>
            <span className="demo-tile__name">
              <bdi>{p.displayName}</bdi>
              {p.userId === selfUserId ? <span className="demo-muted"> (you)</span> : null}
              {p.preset === 'host' ? <span className="demo-muted"> · host</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {participants.length < 2 ? (
        <p className="demo-muted demo-stage__hint">
          You are the only one here. Open this page in another tab or browser and join with another
          name to chat.
        </p>
      ) : null}
    </section>
  );
}
