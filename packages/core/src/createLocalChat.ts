import { isChatImageType } from './imageTypes';
import { createClientError } from './localChat/createClientError';
import { revokeTrustedObjectUrl, trustObjectUrl } from './trustedObjectUrls';
import { createEmitter } from './localChat/createEmitter';
import { createLocalServer } from './localChat/createLocalServer';
import { createDyteQueries, createFetchMethods } from './localChat/createQueryMethods';
import { createShiftedClock, systemClock } from './localChat/createManualClock';
import { createRandom } from './localChat/createRandom';
import { createMethodRateLimiter } from './localChat/createMethodRateLimiter';
import { formatWireMessage } from './localChat/formatWireMessage';
import { SAMPLE_PARTICIPANTS, generateHistory } from './localChat/generateHistory';
import { startConversation } from './localChat/startConversation';
import type {
  FailMode,
  LocalChat,
  LocalChatEvents,
  LocalChatOptions,
  LocalChatSimulator,
  LocalParticipant,
  SimulatedMessageInput,
} from './localChat/types';
import type {
  BaseMessage,
  ChatRateLimits,
  CustomAttachment,
  CustomMessage,
  Message,
  MessagePayload,
} from './types';

type Content =
  | { type: 'text'; message: string }
  | { type: 'image'; link: string }
  | { type: 'file'; link: string; name: string; size: number }
  | ({ type: 'custom' } & Omit<CustomMessage, keyof BaseMessage | 'type'>);

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
  const limitText = createMethodRateLimiter(limits, now);
  const limitImage = createMethodRateLimiter({ maxInvocations: 20, period: 60 }, now);
  const limitFile = createMethodRateLimiter({ maxInvocations: 20, period: 60 }, now);
  const limitSendMessage = createMethodRateLimiter({ ...limits }, now);
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

  function withContent(stored: Message, content: Content): Message {
    const { id, userId, displayName, time, timeMs, pinned, targetUserIds, channelId } = stored;
    return {
      id,
      userId,
      displayName,
      time,
      timeMs,
      pinned,
      targetUserIds,
      channelId,
      ...content,
      isEdited: true,
    };
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

  function imageProblem(image: File | undefined): string | undefined {
    if (!image) return 'required_argument_image_can_not_be_empty';
    if (!isChatImageType(image.type))
      return `image_type_not_supported (${image.type || 'no type'})`;
    return undefined;
  }

  async function sendText(text: string, peerIds?: string[]): Promise<void> {
    if (text.length > chat.maxTextLimit)
      throw createClientError('0503', 'Max character limit breached');
    if (!text) throw createClientError('0502', 'Message can not be empty.');
    accept(() => ({ type: 'text', message: text }), peerIds);
  }
  async function sendImage(image: File, peerIds?: string[]): Promise<void> {
    const problem = imageProblem(image);
    if (problem) return warn(`sendImageMessage::${problem}`); // the SDK logs and resolves
    accept(() => ({ type: 'image', link: makeLink(image) }), peerIds);
  }
  async function sendFile(file: File, peerIds?: string[]): Promise<void> {
    if (!file) return warn('sendFileMessage::required_argument_file_can_not_be_empty');
    accept(
      () => ({ type: 'file', link: makeLink(file), name: file.name, size: file.size }),
      peerIds,
    );
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

  function contentOf(input: SimulatedMessageInput): Content {
    const given = [input.text, input.image, input.file, input.custom].filter(
      (x) => x !== undefined,
    ).length;
    if (given !== 1)
      throw new TypeError('simulate.receive() needs exactly one of text, image, file, custom');
    if (input.text !== undefined) return { type: 'text', message: input.text };
    if (input.image) return { type: 'image', link: makeLink(input.image) };
    if (input.file)
      return {
        type: 'file',
        link: makeLink(input.file),
        name: input.file.name,
        size: input.file.size,
      };
    return { type: 'custom', ...input.custom };
  }

  const simulate: LocalChatSimulator = {
    receive(input) {
      const known =
        input.userId === undefined
          ? random.pick(participants)
          : participants.find((p) => p.userId === input.userId);
      const userId = input.userId ?? known?.userId ?? 'user-guest';
      const sender = { userId, displayName: input.displayName ?? known?.displayName ?? userId };
      const message = record(sender, contentOf(input), input.private ? [userId, self.userId] : []);
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
    // Rate limits throw synchronously, as the SDKs' decorator does; everything else rejects.
    sendTextMessage: (text, peerIds) => (limitText(), sendText(text, peerIds)),
    sendImageMessage: (image, peerIds) => (limitImage(), sendImage(image, peerIds)),
    sendFileMessage: (file, peerIds) => (limitFile(), sendFile(file, peerIds)),
    // Like the SDKs: Files are uploaded (here: an object URL) and described, links kept as they are.
    async sendCustomMessage({ message, html, files, images, videos }, peerIds) {
      const attach = (items: (File | string)[] = []): CustomAttachment[] =>
        items.map((item) =>
          typeof item === 'string'
            ? { link: item }
            : { link: makeLink(item), type: item.type, name: item.name, size: item.size },
        );
      accept(
        () => ({
          type: 'custom',
          ...(message === undefined ? {} : { message }),
          ...(html === undefined ? {} : { html }),
          files: attach(files),
          images: attach(images),
          videos: attach(videos),
        }),
        peerIds,
      );
    },
    sendMessage(payload, peerIds) {
      limitSendMessage();
      if (payload.type === 'text') return sendText(payload.message, peerIds);
      if (payload.type === 'image') return sendImage(payload.image, peerIds);
      if (payload.type === 'file') return sendFile(payload.file, peerIds);
      warn(`sendMessage::message_type_not_supported (${(payload as { type: string }).type})`);
      return Promise.resolve();
    },
    async editTextMessage(id, text) {
      if (!text) return warn('editTextMessage::message_can_not_be_empty');
      editOwn('editTextMessage', id, () => ({ type: 'text', message: text }));
    },
    async editImageMessage(id, image) {
      const problem = imageProblem(image);
      if (problem) return warn(`editImageMessage::${problem}`);
      editOwn('editImageMessage', id, () => ({ type: 'image', link: makeLink(image) }));
    },
    async editFileMessage(id, file) {
      if (!file) return warn('editFileMessage::required_argument_file_can_not_be_empty');
      editOwn('editFileMessage', id, () => ({
        type: 'file',
        link: makeLink(file),
        name: file.name,
        size: file.size,
      }));
    },
    async editMessage(id, payload: MessagePayload) {
      if (payload.type === 'text') return chat.editTextMessage(id, payload.message);
      if (payload.type === 'image') return chat.editImageMessage?.(id, payload.image);
      if (payload.type === 'file') return chat.editFileMessage?.(id, payload.file);
      warn(`editMessage::message_type_not_supported (${(payload as { type: string }).type})`);
    },
    async deleteMessage(id) {
      // The server refuses an unknown id; both SDKs swallow the refusal: resolved, no event.
      if (!server.find(id)) return warn(`deleteMessage::server_refused (no message ${id})`);
      server.remove(id);
    },
    pin: (id) => setPinned(id, true),
    unpin: (id) => setPinned(id, false),
    on: (event, listener) => (emitter.on(event, listener), chat),
    addListener: (event, listener) => (emitter.on(event, listener), chat),
    once: (event, listener) => (emitter.once(event, listener), chat),
    off: (event, listener) => (emitter.off(event, listener), chat),
    removeListener: (event, listener) => (emitter.off(event, listener), chat),
    listenerCount: (event) => emitter.listenerCount(event),
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
