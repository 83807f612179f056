import type Database from 'better-sqlite3';

export type ChangeAction = 'add' | 'edit' | 'delete' | 'pin' | 'unpin';

export interface SessionRow {
  id: string;
  meeting_id: string;
  created_at: number;
  ended_at: number | null;
}

export interface MessageRow {
  id: string;
  session_id: string;
  client_request_id: string;
  user_id: string;
  display_name: string;
  type: 'text' | 'image' | 'file';
  text: string | null;
  file_id: string | null;
  file_name: string | null;
  file_size: number | null;
  /** JSON array of the user ids that may see a private message; null when public. */
  audience: string | null;
  pinned: number;
  is_edited: number;
  deleted: number;
  created_at: number;
}

/** A touched message since a sequence number: its current state, and whether it was added in that range. */
export type ChangedRow = MessageRow & { added: number };

export type HistoryKind = 'public' | 'pinned' | 'private';

const VISIBLE = `(audience IS NULL OR EXISTS (SELECT 1 FROM json_each(audience) WHERE value = @userId))`;

/** Prepared statements over sessions, messages and the per-session change log. All synchronous. */
export function createMessageStore(db: Database.Database) {
  const s = {
    session: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    active: db.prepare<[string], SessionRow>(
      'SELECT * FROM sessions WHERE meeting_id = ? AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1',
    ),
    insertSession: db.prepare('INSERT INTO sessions (id, meeting_id, created_at) VALUES (?, ?, ?)'),
    endSession: db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL'),
    lastSeq: db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM events WHERE session_id = ?',
    ),
    lastStamp: db.prepare<[string], { time: number | null }>(
      'SELECT MAX(created_at) AS time FROM messages WHERE session_id = ?',
    ),
    message: db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?'),
    byRequest: db.prepare<[string, string, string], MessageRow>(
      'SELECT * FROM messages WHERE session_id = ? AND user_id = ? AND client_request_id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO messages (id, session_id, client_request_id, user_id, display_name, type, text,
         file_id, file_name, file_size, audience, pinned, is_edited, deleted, created_at)
       VALUES (@id, @session_id, @client_request_id, @user_id, @display_name, @type, @text,
         @file_id, @file_name, @file_size, @audience, 0, 0, 0, @created_at)`,
    ),
    update: db.prepare(
      `UPDATE messages SET type = @type, text = @text, file_id = @file_id, file_name = @file_name,
         file_size = @file_size, pinned = @pinned, is_edited = @is_edited, deleted = @deleted WHERE id = @id`,
    ),
    event: db.prepare(
      'INSERT INTO events (session_id, seq, action, message_id) VALUES (?, ?, ?, ?)',
    ),
    newest: db.prepare<{ sessionId: string; userId: string; limit: number }, MessageRow>(
      `SELECT * FROM (SELECT * FROM messages WHERE session_id = @sessionId AND deleted = 0 AND ${VISIBLE}
       ORDER BY created_at DESC LIMIT @limit) ORDER BY created_at`,
    ),
    changes: db.prepare<{ sessionId: string; since: number; userId: string }, ChangedRow>(
      `SELECT m.*, MAX(e.action = 'add') AS added FROM events e JOIN messages m ON m.id = e.message_id
       WHERE e.session_id = @sessionId AND e.seq > @since
         AND (m.audience IS NULL OR EXISTS (SELECT 1 FROM json_each(m.audience) WHERE value = @userId))
       GROUP BY m.id ORDER BY MIN(e.seq)`,
    ),
    dumpPage: db.prepare<[string, number, number], MessageRow>(
      `SELECT * FROM messages WHERE session_id = ? AND deleted = 0 AND audience IS NULL AND created_at > ?
       ORDER BY created_at LIMIT ?`,
    ),
  };

  const history = new Map<string, Database.Statement<Record<string, unknown>, MessageRow>>();
  for (const kind of ['public', 'pinned', 'private'] as const) {
    const filter =
      kind === 'public'
        ? 'audience IS NULL'
        : kind === 'pinned'
          ? `pinned = 1 AND ${VISIBLE}`
          : `audience IS NOT NULL AND ${VISIBLE} AND EXISTS (SELECT 1 FROM json_each(audience) WHERE value = @peerId)`;
    for (const before of [true, false]) {
      const inner = `SELECT * FROM messages WHERE session_id = @sessionId AND deleted = 0 AND ${filter}
        AND created_at ${before ? '<' : '>'} @timestamp ORDER BY created_at ${before ? 'DESC' : 'ASC'} LIMIT @limit`;
      history.set(
        `${kind}:${before}`,
        db.prepare(before ? `SELECT * FROM (${inner}) ORDER BY created_at` : inner),
      );
    }
  }

  /** Writes a message change and its change-log entry atomically. */
  const record = db.transaction(
    (action: ChangeAction, row: MessageRow, seq: number, insert: boolean): void => {
      if (insert) s.insert.run(row);
      else s.update.run(row);
      s.event.run(row.session_id, seq, action, row.id);
    },
  );

  return {
    session: (id: string) => s.session.get(id),
    activeSession: (meetingId: string) => s.active.get(meetingId),
    createSession(id: string, meetingId: string, now: number): SessionRow {
      s.insertSession.run(id, meetingId, now);
      return { id, meeting_id: meetingId, created_at: now, ended_at: null };
    },
    endSession: (id: string, now: number): boolean => s.endSession.run(now, id).changes > 0,
    /** The newest sequence number and message time of a session (0 when empty). */
    counters(sessionId: string): { lastSeq: number; lastStamp: number } {
      return {
        lastSeq: s.lastSeq.get(sessionId)?.seq ?? 0,
        lastStamp: s.lastStamp.get(sessionId)?.time ?? 0,
      };
    },
    message: (id: string) => s.message.get(id),
    byRequest: (sessionId: string, userId: string, requestId: string) =>
      s.byRequest.get(sessionId, userId, requestId),
    insert: (row: MessageRow, seq: number) => record('add', row, seq, true),
    update: (action: ChangeAction, row: MessageRow, seq: number) => record(action, row, seq, false),
    newest: (sessionId: string, userId: string, limit: number) =>
      s.newest.all({ sessionId, userId, limit }),
    changesSince: (sessionId: string, since: number, userId: string) =>
      s.changes.all({ sessionId, since, userId }),
    history(
      kind: HistoryKind,
      query: {
        sessionId: string;
        userId: string;
        peerId?: string;
        timestamp: number;
        before: boolean;
        limit: number;
      },
    ): MessageRow[] {
      const statement = history.get(`${kind}:${query.before}`);
      if (!statement) return [];
      const { sessionId, userId, timestamp, limit } = query;
      return statement.all({ sessionId, userId, peerId: query.peerId ?? '', timestamp, limit });
    },
    /** Public messages after `afterTime`, oldest first: the chat dump, a page at a time. */
    dumpPage: (sessionId: string, afterTime: number, limit: number) =>
      s.dumpPage.all(sessionId, afterTime, limit),
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;

/** Whether `userId` may see a message. */
export function canSee(row: Pick<MessageRow, 'audience'>, userId: string): boolean {
  return row.audience === null || audienceOf(row).includes(userId);
}

export function audienceOf(row: Pick<MessageRow, 'audience'>): string[] {
  if (row.audience === null) return [];
  const parsed: unknown = JSON.parse(row.audience);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}
