import { createClientError } from './localChat/createClientError';
import { revokeTrustedObjectUrl, trustObjectUrl } from './trustedObjectUrls';
import { createEmitter } from './localChat/createEmitter';
import { createLocalServer } from './localChat/createLocalServer';
import { createDyteQueries, createFetchMethods } from './localChat/createQueryMethods';
import { createShiftedClock, systemClock } from './localChat/createManualClock';
import { createRandom } from './localChat/createRandom';
import { createChatFacade } from './localChat/createChatFacade';
import { formatWireMessage } from './localChat/formatWireMessage';
import { contentOf, fileContent, withContent } from './localChat/localContent';
import type { Content } from './localChat/localContent';
import { SAMPLE_PARTICIPANTS, generateHistory } from './localChat/generateHistory';
import { startConversation } from './localChat/startConversation';
import type {
  FailMode,
  LocalChat,
  LocalChatEvents,
  LocalChatOptions,
  LocalChatSimulator,
  LocalParticipant,
} from './localChat/types';
import type { ChatRateLimits, CustomAttachment, Message } from './types';

/**
 * An in-process `meeting.chat` that behaves like RealtimeKit's (or Dyte's) chat object: sends resolve
 * at once with no local echo, the message arrives later as `chatUpdate {action:'add'}`; edits, deletes
 * and pins mutate `messages` in place; an own edit or delete of an id the server does not hold
 * resolves with no event (the SDKs swallow the server's refusal), a pin of one rejects `0504`;
 * validation errors carry the SDK codes; simulated participants chat through `chat.simulate`.
 * Storybook and tests use it in place of a real meeting. The behaviours are checked against the
 * real SDKs in `@natter/sdk-harness` (`test/sdkChat.test.ts`).
 *
 * @example
 * ```ts
 * const chat = createLocalChat({ history: 40, seed: 7, flavor: 'realtimekit' });
 * chat.on('chatUpdate', ({ action, message }) => console.log(action, message.id));
 * await chat.sendTextMessage('Hello'); // resolves now; the 'add' event follows
 * const { id } = chat.simulate.receive({ userId: 'user-ada', text: 'Hi!' });
 * chat.simulate.pin(id); // 'edit' with pinned: true, then 'pinMessage'
 * const stop = chat.simulate.startConversation({ intervalMs: 2000 });
 * stop();
 * chat.dispose();
 * ```
 */
export function createLocalChat(options: LocalChatOptions = {}): LocalChat {
  const flavor = options.flavor ?? 'realtimekit';
  const capabilities = {
    fetchMessages: flavor === 'realtimekit',
    dyteQueries: flavor === 'dyte',
    ...options.capabilities,
  };
  const clock =
    options.clock ?? (options.now === undefined ? systemClock : createShiftedClock(options.now));
  const now = (): number => clock.now();
  const random = createRandom(options.seed ?? 1);
  const self: LocalParticipant = {
    ...(options.self ?? { userId: 'user-self', displayName: 'You' }),
  };
  const participants = (options.participants ?? SAMPLE_PARTICIPANTS).map((p) => ({ ...p }));
  const limits: ChatRateLimits = { ...(options.rateLimits ?? { maxInvocations: 180, period: 60 }) };
  const failures: { mode: FailMode; error?: Error }[] = options.failNext
    ? [{ mode: options.failNext }]
    : [];
  const objectUrls = new Set<string>();
  const conversations = new Set<() => void>();
  const emitter = createEmitter<LocalChatEvents>();
  const warn = (message: string): void => options.logger?.warn(`[local chat] ${message}`);
  let placeholderLinks = 0;

  function makeLink(file: File): string {
    const url =
      typeof URL.createObjectURL === 'function'
        ? URL.createObjectURL(file)
        : `blob:natter-local/${++placeholderLinks}`;
    objectUrls.add(url);
    return trustObjectUrl(url);
  }

  function record(sender: LocalParticipant, content: Content, targetUserIds: string[]): Message {
    const timeMs = server.stamp();
    const base = {
      id: random.uuid(),
      userId: sender.userId,
      displayName: sender.displayName,
      time: new Date(timeMs),
    };
    return { ...base, timeMs, isEdited: false, pinned: false, targetUserIds, ...content };
  }

  /** The server accepts a send from the local participant (or a queued failure strikes). */
  function accept(content: () => Content, peerIds: string[] | undefined): void {
    const failure = failures.shift();
    if (failure?.mode === 'reject') {
      throw (
        failure.error ??
        createClientError('0012', 'Simulated failure: the message did not reach the server.')
      );
    }
    let targetUserIds: string[] = [];
    if (peerIds && peerIds.length > 0) {
      peerIds.push(self.peerId ?? self.userId); // the SDK appends the sender to the caller's array
      targetUserIds = participants
        .filter((p) => peerIds.includes(p.peerId ?? p.userId))
        .map((p) => p.userId);
      targetUserIds.push(self.userId);
    }
    const message = record(self, content(), targetUserIds);
    if (failure?.mode !== 'drop') server.add(message);
  }

  /**
   * An edit by the local participant. The SDKs resolve edits without waiting for the server, and a
   * refusal (an id the server does not hold) is swallowed: no rejection, no event. Both do this.
   */
  function editOwn(method: string, id: string, content: () => Content): void {
    if (!server.find(id)) return warn(`${method}::server_refused (no message ${id})`);
    server.edit(id, (stored) => withContent(stored, content()));
  }

  async function setPinned(id: string, pinned: boolean): Promise<void> {
    if (flavor === 'dyte') {
      // Dyte checks its own `messages` and does not wait for the server.
      if (!chat.messages.some((m) => m.id === id))
        throw createClientError('0504', `No message found with id: ${id}`);
      server.setPinned(id, pinned);
      return;
    }
    server.setPinned(id, pinned); // RealtimeKit awaits the server, which answers 0504 for unknown ids
    await new Promise<void>((resolve) => server.afterDeliveries(resolve));
  }

  function loadHistory(history: Message[] | number): void {
    const senders = participants.length > 0 ? [...participants, self] : [self];
    const messages =
      typeof history === 'number'
        ? generateHistory({ count: history, senders, random, end: now() - 30_000, makeLink })
        : history;
    server.reset(messages);
    const limit = Math.max(0, options.joinHistoryLimit ?? 1000);
    chat.messages = (limit === 0 ? [] : server.log.slice(-limit)).map((m) =>
      formatWireMessage(m, flavor),
    );
  }

  const simulate: LocalChatSimulator = {
    receive(input) {
      const known =
        input.userId === undefined
          ? random.pick(participants)
          : participants.find((p) => p.userId === input.userId);
      const userId = input.userId ?? known?.userId ?? 'user-guest';
      const sender = { userId, displayName: input.displayName ?? known?.displayName ?? userId };
      const message = record(
        sender,
        contentOf(input, makeLink),
        input.private ? [userId, self.userId] : [],
      );
      server.add(message);
      return message;
    },
    edit: (id, text) =>
      server.edit(id, (stored) => withContent(stored, { type: 'text', message: text })),
    delete: (id) => server.remove(id),
    pin: (id) => server.setPinned(id, true),
    unpin: (id) => server.setPinned(id, false),
    loadHistory,
    failNext(mode = 'reject', error) {
      failures.push(error ? { mode, error } : { mode });
    },
    setLatency: (ms) => server.setLatency(ms),
    flush: () => server.flush(),
    get pendingDeliveries() {
      return server.pending;
    },
    startConversation(conversationOptions) {
      const context = {
        clock,
        random,
        participants,
        selfUserId: self.userId,
        simulate,
        log: () => server.log,
      };
      const stopConversation = startConversation(context, conversationOptions);
      const stop = (): void => {
        stopConversation();
        conversations.delete(stop);
      };
      conversations.add(stop);
      return stop;
    },
  };

  const chat: LocalChat = {
    flavor,
    self,
    participants,
    messages: [],
    maxTextLimit: options.maxTextLimit ?? 2000,
    get rateLimits() {
      return limits;
    },
    setMaxTextLimit(limit) {
      chat.maxTextLimit = limit;
    },
    updateRateLimits(maxInvocations, period) {
      Object.assign(limits, { maxInvocations, period });
    },
    // Sends, edits and listeners as the SDKs have them (rate limits, checks, codes): one facade.
    ...createChatFacade<LocalChatEvents, LocalChat>({
      backend: {
        sendText: async (text, peerIds) => accept(() => ({ type: 'text', message: text }), peerIds),
        sendImage: async (image, peerIds) =>
          accept(() => ({ type: 'image', link: makeLink(image) }), peerIds),
        sendFile: async (file, peerIds) => accept(() => fileContent(file, makeLink), peerIds),
        editText: async (id, text) =>
          editOwn('editTextMessage', id, () => ({ type: 'text', message: text })),
        editImage: async (id, image) =>
          editOwn('editImageMessage', id, () => ({ type: 'image', link: makeLink(image) })),
        editFile: async (id, file) =>
          editOwn('editFileMessage', id, () => fileContent(file, makeLink)),
      },
      emitter,
      chat: () => chat,
      limits,
      sendMessageLimits: { ...limits },
      maxTextLimit: () => chat.maxTextLimit,
      now,
      warn,
    }),
    // Like the SDKs: Files are uploaded (here: an object URL) and described, links kept as they are.
    async sendCustomMessage({ message, html, files, images, videos }, peerIds) {
      const attach = (items: (File | string)[] = []): CustomAttachment[] =>
        items.map((item) =>
          typeof item === 'string'
            ? { link: item }
            : { link: makeLink(item), type: item.type, name: item.name, size: item.size },
        );
      accept(() => {
        const content: Content = {
          type: 'custom',
          files: attach(files),
          images: attach(images),
          videos: attach(videos),
        };
        // The stored message (readable through `log()`) has no `message`/`html` key unless sent.
        if (message !== undefined) content.message = message;
        if (html !== undefined) content.html = html;
        return content;
      }, peerIds);
    },
    async deleteMessage(id) {
      // The server refuses an unknown id; both SDKs swallow the refusal: resolved, no event.
      if (!server.find(id)) return warn(`deleteMessage::server_refused (no message ${id})`);
      server.remove(id);
    },
    pin: (id) => setPinned(id, true),
    unpin: (id) => setPinned(id, false),
    simulate,
    dispose() {
      server.dispose();
      for (const stop of [...conversations]) stop();
      for (const url of objectUrls) revokeTrustedObjectUrl(url);
      objectUrls.clear();
      emitter.removeAllListeners();
    },
  };

  const server = createLocalServer({
    client: chat,
    emit: emitter.emit,
    flavor,
    clock,
    latencyMs: options.latencyMs ?? 0,
  });
  const queryContext = {
    log: () => server.log,
    client: chat,
    selfUserId: self.userId,
    flavor,
    now,
  };
  if (capabilities.fetchMessages) Object.assign(chat, createFetchMethods(queryContext));
  if (capabilities.dyteQueries) {
    Object.assign(chat, createDyteQueries(queryContext));
    Object.defineProperty(chat, 'pinned', {
      get: () => chat.messages.filter((m) => m.pinned),
      enumerable: true,
    });
  }
  if (options.history !== undefined) loadHistory(options.history);
  return chat;
}
