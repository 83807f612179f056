import { readChatPermissions, samePermissions } from './chatPermissions';
import type { ChatPermissions } from './chatPermissions';
import type { MeetingLike, MessageActionRules, ParticipantLike } from './types';

/** Someone who is or was in the room, as the kit names them. */
export interface Participant {
  /** The participant (peer) id: what private sends take. */
  id: string;
  userId: string;
  name: string;
  isHost: boolean;
  isSelf: boolean;
  /** `left` participants stay known, so their messages and conversations keep a name. */
  status: 'joined' | 'left';
}

export interface MeetingStore {
  readonly meeting: MeetingLike;
  subscribe(listener: () => void): () => void;
  getPermissions(): ChatPermissions;
  /** Everyone known, joined first then left, each in join order; the same array until one changes. */
  getParticipants(): readonly Participant[];
  /** By user id (the id messages carry). */
  getParticipant(userId: string): Participant | undefined;
}

const stores = new WeakMap<MeetingLike, Map<string, MeetingStore>>();

function toParticipant(p: ParticipantLike, isSelf: boolean, joined: boolean): Participant {
  return Object.freeze({
    id: String(p.id),
    userId: String(p.userId),
    name: String(p.name ?? ''),
    isHost: p.isHost === true || p.presetName === 'host',
    isSelf,
    status: joined ? 'joined' : 'left',
  });
}

function createMeetingStore(
  meeting: MeetingLike,
  rules: Partial<MessageActionRules> | undefined,
): MeetingStore {
  const listeners = new Set<() => void>();
  const permissionsSource = () => meeting.self.permissions;
  let permissions = readChatPermissions(permissionsSource(), rules);
  const known = new Map<string, Participant>();
  let participants: readonly Participant[] = [];

  const selfParticipant = (): Participant =>
    toParticipant(
      {
        id: meeting.self.id ?? meeting.self.userId,
        userId: meeting.self.userId,
        name: meeting.self.name,
        presetName: meeting.self.presetName,
      },
      true,
      true,
    );

  function readParticipants(): void {
    const joined = meeting.participants?.joined.toArray() ?? [];
    const present = new Set<string>();
    const self = selfParticipant();
    known.set(self.userId, self);
    present.add(self.userId);
    for (const p of joined) {
      const next = toParticipant(p, p.userId === self.userId, true);
      present.add(next.userId);
      known.set(next.userId, next);
    }
    for (const [userId, p] of known) {
      if (!present.has(userId) && p.status === 'joined')
        known.set(userId, Object.freeze({ ...p, status: 'left' }));
    }
    const all = [...known.values()];
    const next = [
      ...all.filter((p) => p.status === 'joined'),
      ...all.filter((p) => p.status === 'left'),
    ];
    const same =
      next.length === participants.length &&
      next.every((p, i) => sameParticipant(p, participants[i]));
    if (!same) participants = next;
  }
  readParticipants();

  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const onPermissions = () => {
    const next = readChatPermissions(permissionsSource(), rules);
    if (samePermissions(next, permissions)) return;
    permissions = next;
    notify();
  };
  const onParticipants = () => {
    const before = participants;
    readParticipants();
    if (before !== participants) notify();
  };

  function attach(): void {
    // Read again: the preset may have changed while nobody listened.
    onPermissions();
    onParticipants();
    permissionsSource()?.on?.('permissionsUpdate', onPermissions);
    meeting.participants?.joined.on('participantJoined', onParticipants);
    meeting.participants?.joined.on('participantLeft', onParticipants);
  }
  function detach(): void {
    permissionsSource()?.off?.('permissionsUpdate', onPermissions);
    meeting.participants?.joined.off('participantJoined', onParticipants);
    meeting.participants?.joined.off('participantLeft', onParticipants);
  }

  return {
    meeting,
    subscribe(listener) {
      if (listeners.size === 0) attach();
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) detach();
      };
    },
    getPermissions: () => permissions,
    getParticipants: () => participants,
    getParticipant: (userId) => known.get(userId),
  };
}

function sameParticipant(a: Participant, b: Participant | undefined): boolean {
  return (
    b !== undefined &&
    a.id === b.id &&
    a.userId === b.userId &&
    a.name === b.name &&
    a.isHost === b.isHost &&
    a.status === b.status
  );
}

/**
 * The one store of a meeting's permissions and participants (per message-rule override): attaches
 * to `meeting.self.permissions` and `meeting.participants.joined` on the first subscriber,
 * detaches on the last.
 *
 * @example
 * ```ts
 * const store = getMeetingStore(meeting)
 * store.subscribe(() => console.log(store.getPermissions().chatPublic.canSend))
 * ```
 */
export function getMeetingStore(
  meeting: MeetingLike,
  rules?: Partial<MessageActionRules>,
): MeetingStore {
  let byRules = stores.get(meeting);
  if (!byRules) {
    byRules = new Map();
    stores.set(meeting, byRules);
  }
  const key = rules ? `${rules.edit ?? ''}|${rules.delete ?? ''}|${rules.pin ?? ''}` : '';
  let store = byRules.get(key);
  if (!store) {
    store = createMeetingStore(meeting, rules);
    byRules.set(key, store);
  }
  return store;
}
