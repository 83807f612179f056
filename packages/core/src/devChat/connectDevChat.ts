import { createEmitter } from '../localChat/createEmitter';
import { createChatFacade } from '../localChat/createChatFacade';
import type { ChatRateLimits, FetchMessagesOptions } from '../types';
import type { ConnectDevChatOptions, DevChat, DevChatEvents } from './DevChat';
import { createDevConnection, serverError } from './createDevConnection';
import type { DevChatSocketConstructor } from './createDevConnection';
import { createDevMessages, fromWire } from './createDevMessages';
import type { DevHello, DevParticipant, DevWireMessage } from './devChatProtocol';
import { uploadDevFile } from './uploadDevFile';
import { createDevPermissions } from './createDevPermissions';

const MAX_PAGE = 500;

/**
 * Connects to `@natter/dev-server` and resolves once joined, with the history in `messages`. The
 * object behaves like RealtimeKit's `meeting.chat`: sends resolve when the server accepts them and
 * the message arrives as `chatUpdate {action:'add'}`; edits and deletes are not awaited; pins are;
 * validation errors carry the SDK codes. A dropped connection reconnects with backoff and resyncs
 * from the last sequence number (no duplicates, no gaps); requests made meanwhile are queued.
 *
 * @example
 * ```ts
 * const chat = await connectDevChat({ url: 'http://127.0.0.1:8787', token });
 * chat.on('chatUpdate', ({ action, message }) => console.log(action, message.id));
 * await chat.sendTextMessage('Hello');
 * chat.close();
 * ```
 */
export async function connectDevChat(options: ConnectDevChatOptions): Promise<DevChat> {
  const base = options.url.replace(/^ws/i, 'http').replace(/\/+$/, '');
  const SocketImpl =
    options.WebSocket ?? (globalThis.WebSocket as unknown as DevChatSocketConstructor | undefined);
  if (!SocketImpl)
    throw new TypeError('connectDevChat: no global WebSocket; pass the `WebSocket` option.');
  const fetchImpl =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const warn = (message: string): void => options.logger?.warn(`[dev chat] ${message}`);
  const emitter = createEmitter<DevChatEvents>();
  const limits: ChatRateLimits = { maxInvocations: 180, period: 60 };
  let hello: DevHello | undefined;
  const permissions = createDevPermissions();
  const self = {
    userId: '',
    displayName: '',
    preset: 'participant' as DevHello['self']['preset'],
    permissions: permissions.preset,
  };
  let participants: readonly DevParticipant[] = [];
  const setParticipants = (next: readonly DevParticipant[]): void => {
    participants = next;
    emitter.emit('participantsUpdate', { participants });
  };

  const request = (payload: Parameters<typeof connection.request>[0]) =>
    connection.request(payload);
  const unawaited = (what: string, payload: Parameters<typeof connection.request>[0]): void =>
    void request(payload).catch((error: unknown) => warn(`${what} refused: ${String(error)}`));
  const withPeers = (peerIds: string[] | undefined) => {
    if (!peerIds || peerIds.length === 0) return {};
    peerIds.push(chat.self.userId); // the SDK appends the sender to the caller's array
    return { peerIds: [...peerIds] };
  };
  const upload = (file: File) => uploadDevFile(fetchImpl, base, options.token, file);

  async function sendUpload(kind: 'image' | 'file', file: File, peerIds?: string[]): Promise<void> {
    const { id } = await upload(file);
    await request({
      type: kind === 'image' ? 'sendImage' : 'sendFile',
      fileId: id,
      ...withPeers(peerIds),
    });
  }
  async function editUpload(messageId: string, file: File): Promise<void> {
    const { id } = await upload(file);
    unawaited('edit', { type: 'edit', messageId, fileId: id });
  }
  const fetchPage = async (
    kind: 'public' | 'pinned' | 'private',
    o: FetchMessagesOptions,
    userId?: string,
  ) => {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(o.limit)));
    const page = {
      kind,
      timestamp: o.timestamp ?? Date.now(),
      direction: o.direction ?? 'after',
      limit,
      userId: userId || undefined, // sent as JSON, which drops the key when undefined
    };
    const result = (await request({ type: 'history', ...page })) as { messages: DevWireMessage[] };
    return result.messages.map(fromWire);
  };

  const chat: DevChat = {
    messages: [],
    maxTextLimit: 2000,
    get rateLimits() {
      return limits;
    },
    get self() {
      return self;
    },
    get sessionId() {
      return hello?.sessionId ?? '';
    },
    get meetingId() {
      return hello?.meetingId ?? '';
    },
    get connectionState() {
      return connection.state;
    },
    get participants() {
      return participants;
    },
    // Sends, edits and listeners as the SDKs have them (rate limits, checks, codes): one facade.
    ...createChatFacade<DevChatEvents, DevChat>({
      backend: {
        sendText: async (text, peerIds) => {
          await request({ type: 'sendText', text, ...withPeers(peerIds) });
        },
        sendImage: (image, peerIds) => sendUpload('image', image, peerIds),
        sendFile: (file, peerIds) => sendUpload('file', file, peerIds),
        editText: async (messageId, text) => unawaited('edit', { type: 'edit', messageId, text }),
        editImage: editUpload,
        editFile: editUpload,
      },
      emitter,
      chat: () => chat,
      limits,
      maxTextLimit: () => chat.maxTextLimit,
      now: Date.now,
      warn,
    }),
    async deleteMessage(messageId) {
      unawaited('delete', { type: 'delete', messageId });
    },
    pin: async (messageId) => void (await request({ type: 'pin', messageId })),
    unpin: async (messageId) => void (await request({ type: 'unpin', messageId })),
    fetchPublicMessages: (o) => fetchPage('public', o),
    fetchPinnedMessages: (o) => fetchPage('pinned', o),
    fetchPrivateMessages: (o) => fetchPage('private', o, o.userId),
    setChatControls: async (controls) =>
      void (await request({ type: 'setChatControls', controls: { ...controls } })),
    close: () => connection.close(),
  };

  const messages = createDevMessages(chat, emitter.emit);
  let joined: () => void = () => undefined;
  let refused: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    joined = resolve;
    refused = reject;
  });

  const connection = createDevConnection({
    wsUrl: `${base.replace(/^http/i, 'ws')}/v1/ws?token=${encodeURIComponent(options.token)}`,
    WebSocket: SocketImpl,
    logger: options.logger,
    minDelayMs: options.reconnect?.minDelayMs ?? 250,
    maxDelayMs: options.reconnect?.maxDelayMs ?? 10_000,
    onHello(next) {
      const first = hello === undefined;
      hello = next;
      Object.assign(self, next.self);
      permissions.apply(next.permissions);
      chat.maxTextLimit = next.maxTextLimit;
      Object.assign(limits, next.rateLimits);
      setParticipants(next.participants ?? [next.self]);
      if (first) messages.load(next.messages ?? []);
      else if (next.resumed && next.changes) messages.resync(next.changes);
      else messages.reconcile(next.messages ?? []);
      joined();
    },
    onEvent(event) {
      const { action, message } = event;
      if (action === 'delete') return messages.remove(message.id);
      if (!('type' in message)) return;
      if (action === 'add') messages.add(message);
      else messages.edit(message, action === 'edit' ? undefined : action);
    },
    onPresence(action, participant) {
      const others = participants.filter((p) => p.userId !== participant.userId);
      setParticipants(action === 'join' ? [...others, participant] : others);
    },
    onPermissions: (next) => permissions.apply(next),
    onState(state, reason, detail) {
      if (state === 'failed')
        refused(
          serverError(reason ?? 'failed', detail ?? 'The dev server refused the connection.'),
        );
      emitter.emit('connectionStateChange', reason ? { state, reason } : { state });
    },
  });

  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const timer = setTimeout(
    () => refused(serverError('0012', `Not joined after ${timeoutMs} ms.`)),
    timeoutMs,
  );
  try {
    await ready;
  } catch (error) {
    connection.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return chat;
}
