/**
 * Where RealtimeKit 2.0.2 and Dyte 3.1.11 differ, as observed on the real chat objects by
 * `sdkChat.test.ts`. `localChatParity.test.ts` holds `createLocalChat`'s two flavors to the same
 * table, so the local chat cannot drift from what the SDKs do.
 */
export const BEHAVIOUR = {
  'RealtimeKit 2.0.2': {
    /** Remote pin: the events emitted, in order. */
    pinEvents: ['chatUpdate:edit', 'pinMessage'],
    unpinEvents: ['chatUpdate:edit', 'unpinMessage'],
    /** Pin replaces the message object with a freshly decoded one (RTK) or mutates it (Dyte). */
    pinKeepsMessageObject: false,
    /** Events for an edit / delete / pin of an id the client does not have. */
    unknownEditEvents: ['chatUpdate:edit'],
    unknownDeleteEvents: ['chatUpdate:delete'],
    unknownPinEvents: ['chatUpdate:edit', 'pinMessage'],
    /** `chat.pin()` awaits the server's answer (RTK) or fires and forgets (Dyte). */
    pinAwaitsServer: true,
    /** `chat.pin(unknown)`: asks the server (which refuses) or refuses locally. */
    pinUnknownAsksServer: true,
    messageKeys: [
      'displayName',
      'files',
      'html',
      'id',
      'images',
      'isEdited',
      'link',
      'message',
      'name',
      'pinned',
      'size',
      'targetUserIds',
      'time',
      'timeMs',
      'type',
      'userId',
      'videos',
    ],
  },
  'Dyte 3.1.11': {
    pinEvents: ['chatUpdate:edit'],
    unpinEvents: ['chatUpdate:edit'],
    pinKeepsMessageObject: true,
    unknownEditEvents: [],
    unknownDeleteEvents: [],
    unknownPinEvents: [],
    pinAwaitsServer: false,
    pinUnknownAsksServer: false,
    messageKeys: [
      'channelId',
      'channelIndex',
      'displayName',
      'files',
      'html',
      'id',
      'images',
      'isEdited',
      'link',
      'message',
      'name',
      'pinned',
      'size',
      'targetUserIds',
      'time',
      'timeMs',
      'type',
      'userId',
      'videos',
    ],
  },
} as const;
