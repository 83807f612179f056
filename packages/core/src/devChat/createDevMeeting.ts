import { createEmitter } from '../localChat/createEmitter';
import type { MeetingLike, ParticipantLike } from '../meeting/types';
import type { DevChat } from './DevChat';
import type { DevParticipant } from './devChatProtocol';

interface JoinedEvents {
  participantJoined: ParticipantLike;
  participantLeft: ParticipantLike;
}

const meetings = new WeakMap<DevChat, MeetingLike>();

const toLike = (p: DevParticipant): ParticipantLike => ({
  // The dev server addresses private messages by user id: the peer id is the user id.
  id: p.userId,
  userId: p.userId,
  name: p.displayName,
  presetName: p.preset,
  isHost: p.preset === 'host',
});

/**
 * The dev chat as a RealtimeKit-shaped `meeting` (`chat`, `self` with `permissions`,
 * `participants.joined` emitting `participantJoined` / `participantLeft`), so
 * `<ChatProvider meeting={createDevMeeting(chat)}>` runs the kit as on the real SDK. One object
 * per chat.
 *
 * @example
 * ```tsx
 * const chat = await connectDevChat({ url, token });
 * <ChatProvider meeting={createDevMeeting(chat)}><ChatPanel /></ChatProvider>
 * ```
 */
export function createDevMeeting(chat: DevChat): MeetingLike {
  const existing = meetings.get(chat);
  if (existing) return existing;
  const emitter = createEmitter<JoinedEvents>();
  let current = new Map(chat.participants.map((p) => [p.userId, toLike(p)]));
  let listening = 0;
  const onUpdate = ({ participants }: { participants: readonly DevParticipant[] }) => {
    const next = new Map(participants.map((p) => [p.userId, toLike(p)]));
    const before = current;
    current = next;
    for (const [id, p] of before) if (!next.has(id)) emitter.emit('participantLeft', p);
    for (const [id, p] of next) if (!before.has(id)) emitter.emit('participantJoined', p);
  };
  const joined = {
    toArray: () => [...current.values()].filter((p) => p.userId !== chat.self.userId),
    on(event: keyof JoinedEvents, listener: (p: never) => void) {
      if (listening++ === 0) {
        current = new Map(chat.participants.map((p) => [p.userId, toLike(p)]));
        chat.on('participantsUpdate', onUpdate);
      }
      emitter.on(event, listener as (p: ParticipantLike) => void);
      return joined;
    },
    off(event: keyof JoinedEvents, listener: (p: never) => void) {
      emitter.off(event, listener as (p: ParticipantLike) => void);
      if (--listening === 0) chat.off('participantsUpdate', onUpdate);
      return joined;
    },
  };
  const self = {
    get id() {
      return chat.self.userId;
    },
    get userId() {
      return chat.self.userId;
    },
    get name() {
      return chat.self.displayName;
    },
    get presetName() {
      return chat.self.preset;
    },
    get permissions() {
      return chat.self.permissions;
    },
  };
  const meeting: MeetingLike = { chat, self, participants: { joined } };
  meetings.set(chat, meeting);
  return meeting;
}
