import type {
  ChatPermissionsSource,
  MessageActionRules,
  MessageActionScope,
  PrivateChatPermissions,
  PublicChatPermissions,
} from './types';

/** What the local participant may do in the chat, read from `meeting.self.permissions`. */
export interface ChatPermissions {
  chatPublic: Readonly<PublicChatPermissions>;
  /** Everything `false` when the preset has no private chat. */
  chatPrivate: Readonly<PrivateChatPermissions>;
  chatMessages: Readonly<MessageActionRules>;
}

export const ALL_ALLOWED: ChatPermissions = Object.freeze({
  chatPublic: Object.freeze({ canSend: true, text: true, files: true }),
  chatPrivate: Object.freeze({ canSend: true, canReceive: true, text: true, files: true }),
  chatMessages: Object.freeze({ edit: 'own', delete: 'own', pin: 'any' } as const),
});

const NO_PRIVATE: PrivateChatPermissions = Object.freeze({
  canSend: false,
  canReceive: false,
  text: false,
  files: false,
});

/** RealtimeKit only checks that you joined before a pin; edits and deletes are the author's. */
export const SDK_MESSAGE_RULES: MessageActionRules = ALL_ALLOWED.chatMessages;

const SCOPES: readonly MessageActionScope[] = ['none', 'own', 'any'];
const scope = (value: unknown, fallback: MessageActionScope): MessageActionScope =>
  SCOPES.includes(value as MessageActionScope) ? (value as MessageActionScope) : fallback;

/**
 * A frozen snapshot of the preset's chat permissions as they are now. Call it again after each
 * `permissionsUpdate` (the preset mutates its objects in place). Missing parts default to the
 * SDK's behaviour: public chat allowed, private chat off when the preset has none.
 */
export function readChatPermissions(
  source: ChatPermissionsSource | undefined,
  rules?: Partial<MessageActionRules>,
): ChatPermissions {
  const pub = source?.chatPublic;
  const priv = source?.chatPrivate;
  const own = source?.chatMessages;
  return Object.freeze({
    chatPublic: pub
      ? Object.freeze({ canSend: !!pub.canSend, text: !!pub.text, files: !!pub.files })
      : ALL_ALLOWED.chatPublic,
    chatPrivate: priv
      ? Object.freeze({
          canSend: !!priv.canSend,
          canReceive: !!priv.canReceive,
          text: !!priv.text,
          files: !!priv.files,
        })
      : source
        ? NO_PRIVATE
        : ALL_ALLOWED.chatPrivate,
    chatMessages: Object.freeze({
      edit: scope(rules?.edit ?? own?.edit, SDK_MESSAGE_RULES.edit),
      delete: scope(rules?.delete ?? own?.delete, SDK_MESSAGE_RULES.delete),
      pin: scope(rules?.pin ?? own?.pin, SDK_MESSAGE_RULES.pin),
    }),
  });
}

/** Whether `scope` lets someone act on a message (`own`: whether they wrote it). */
export function allows(scopeValue: MessageActionScope, own: boolean): boolean {
  return scopeValue === 'any' || (scopeValue === 'own' && own);
}

/** Two snapshots say the same thing (so a no-op update does not re-render). */
export function samePermissions(a: ChatPermissions, b: ChatPermissions): boolean {
  const keys = ['chatPublic', 'chatPrivate', 'chatMessages'] as const;
  return keys.every((k) => {
    const x = a[k] as unknown as Record<string, unknown>;
    const y = b[k] as unknown as Record<string, unknown>;
    return Object.keys(x).every((f) => x[f] === y[f]);
  });
}
