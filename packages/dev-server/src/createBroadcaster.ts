import { WebSocket } from 'ws';

/** A socket that may receive a session's events, and whose user decides what private events it sees. */
export interface Recipient {
  ws: WebSocket;
  claims: { userId: string };
}

/** One serialized event waiting for the end of the event-loop turn. */
interface Outgoing {
  /** `{"seq":…,"action":…,"message":…}`, serialized once for every recipient. */
  json: string;
  /** Who may see it (a private message); null when everyone in the session may. */
  audience: readonly string[] | null;
}

interface Channel {
  recipients: Iterable<Recipient>;
  outbox: Outgoing[];
}

export interface BroadcasterOptions {
  /** A socket with more unsent bytes than this is dropped (it reconnects and resyncs). */
  maxBufferedBytes: number;
  onTooSlow(ws: WebSocket): void;
}

function frameOf(events: readonly Outgoing[]): Buffer {
  let body = '{"type":"events","events":[';
  for (let i = 0; i < events.length; i++) body += (i === 0 ? '' : ',') + events[i]!.json;
  return Buffer.from(`${body}]}`);
}

/**
 * Fan-out with coalescing: events published during one event-loop turn are sent at its end as one
 * `events` frame per socket. Each event is serialized once; each distinct frame is built once and
 * the same `Buffer` goes to every socket that sees exactly those events (all of them, unless a
 * private message is in the batch). Under load, a turn carries many events, so the number of
 * frames (and syscalls) per second stays bounded by sockets × turns instead of sockets × events.
 */
export function createBroadcaster({ maxBufferedBytes, onTooSlow }: BroadcasterOptions) {
  const dirty = new Set<Channel>();
  let scheduled: ReturnType<typeof setImmediate> | undefined;

  function flushChannel(channel: Channel): void {
    const batch = channel.outbox;
    if (batch.length === 0) return;
    channel.outbox = [];
    const hasPrivate = batch.some((event) => event.audience !== null);
    let everything: Buffer | undefined;
    const subsets = new Map<string, Buffer>();
    for (const { ws, claims } of channel.recipients) {
      const { userId } = claims;
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > maxBufferedBytes) {
        onTooSlow(ws);
        continue;
      }
      let frame: Buffer | undefined;
      if (!hasPrivate) frame = everything ??= frameOf(batch);
      else {
        const visible: number[] = [];
        batch.forEach((event, i) => {
          if (event.audience === null || event.audience.includes(userId)) visible.push(i);
        });
        if (visible.length === 0) continue;
        if (visible.length === batch.length) frame = everything ??= frameOf(batch);
        else {
          const key = visible.join(',');
          frame = subsets.get(key);
          if (!frame) {
            frame = frameOf(visible.map((i) => batch[i]!));
            subsets.set(key, frame);
          }
        }
      }
      ws.send(frame, { binary: false });
    }
  }

  function flush(): void {
    scheduled = undefined;

    const channels = [...dirty];
    dirty.clear();
    for (const channel of channels) flushChannel(channel);
  }

  return {
    /** A channel per session: its recipients are read at flush time. */
    channel(recipients: Iterable<Recipient>): Channel {
      return { recipients, outbox: [] };
    },
    /** Queues an event (already a JSON object text) for the end of this turn. */
    publish(channel: Channel, json: string, audience: readonly string[] | null): void {
      channel.outbox.push({ json, audience });
      dirty.add(channel);
      scheduled ??= setImmediate(flush);
    },
    /** Sends what is queued for one channel now (before its sockets close). */
    flush(channel: Channel): void {
      dirty.delete(channel);
      flushChannel(channel);
    },
    /** Sends everything queued now and cancels the scheduled flush. */
    flushAll(): void {
      if (scheduled) clearImmediate(scheduled);
      flush();
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
export type BroadcastChannel = ReturnType<Broadcaster['channel']>;
