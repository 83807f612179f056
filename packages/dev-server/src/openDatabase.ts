import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { explainNativeBindingError } from './nativeBindingError';

/** The schema. Messages are never removed, only tombstoned (`deleted = 1`, content cleared), so a
 * retried send (same client request id) is recognised even after a delete. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX IF NOT EXISTS sessions_active ON sessions (meeting_id) WHERE ended_at IS NULL;

CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  client_request_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  type TEXT NOT NULL,
  text TEXT,
  file_id TEXT,
  file_name TEXT,
  file_size INTEGER,
  audience TEXT,
  pinned INTEGER NOT NULL DEFAULT 0,
  is_edited INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_request ON messages (session_id, user_id, client_request_id);
CREATE INDEX IF NOT EXISTS messages_time ON messages (session_id, created_at);

CREATE TABLE IF NOT EXISTS events (
  session_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  action TEXT NOT NULL,
  message_id TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  meeting_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  size INTEGER NOT NULL,
  inline INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/** Columns added after the first release, for databases created before them. */
const MIGRATIONS: { table: string; column: string; definition: string }[] = [
  // The session an upload counts against (quotas); null for uploads made before quotas.
  { table: 'files', column: 'session_id', definition: 'TEXT' },
  // 1 once the message showing the file was deleted or given another file: no longer served.
  { table: 'files', column: 'removed', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

/**
 * Opens (creating if needed) `dataDir/natter.db` in WAL mode with the schema applied. A missing
 * native module (pnpm 10 skips better-sqlite3's build script unless allowed) fails with the fix.
 */
export function openDatabase(dataDir: string, nativeBinding?: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  let db: Database.Database;
  try {
    // better-sqlite3 treats an undefined nativeBinding as none, so an empty path is passed as none too.
    db = new Database(join(dataDir, 'natter.db'), { nativeBinding: nativeBinding || undefined });
  } catch (error) {
    throw explainNativeBindingError(error);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  for (const { table, column, definition } of MIGRATIONS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  db.exec('CREATE INDEX IF NOT EXISTS files_session ON files (session_id, user_id)');
  return db;
}
