import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type Database from 'better-sqlite3';

export interface FileRow {
  id: string;
  user_id: string;
  meeting_id: string;
  name: string;
  type: string;
  size: number;
  /** 1 when the bytes were checked to be a raster image of the stated type: only those are served inline. */
  inline: number;
  created_at: number;
  /** The session whose quota the upload counts against (null before quotas existed). */
  session_id: string | null;
  /** 1 once no message shows it any more (deleted, or edited to another file): not served. */
  removed: number;
}

export class UploadTooLarge extends Error {}
/** Over `uploadQuotaBytes` (`scope: 'participant'`) or `sessionUploadQuotaBytes` (`'session'`). */
export class QuotaExceeded extends Error {
  constructor(
    readonly scope: 'participant' | 'session',
    readonly quota: number,
  ) {
    super(`Uploads are limited to ${quota} bytes per ${scope}.`);
  }
}

export interface UploadMeta {
  userId: string;
  meetingId: string;
  sessionId: string;
  name: string;
  type: string;
  maxBytes: number;
  /** Bytes each participant, and everyone together, may upload in a session. */
  quota: { participant: number; session: number };
}
export class UploadTypeMismatch extends Error {}

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Raster image types whose magic bytes are checked; these may be shown inline. */
const MAGIC: Record<string, (head: Buffer) => boolean> = {
  'image/png': (h) =>
    h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/gif': (h) => h.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (h) =>
    h.subarray(0, 4).toString('latin1') === 'RIFF' &&
    h.subarray(8, 12).toString('latin1') === 'WEBP',
};

function overQuota(
  meta: UploadMeta,
  left: { participant: number; session: number },
  size: number,
): void {
  if (size > left.participant) throw new QuotaExceeded('participant', meta.quota.participant);
  if (size > left.session) throw new QuotaExceeded('session', meta.quota.session);
}

/** Whether an upload type is one that can be verified and shown inline as an image. */
export const isInlineImageType = (type: string): boolean => type in MAGIC;

/**
 * Uploaded files: bytes on disk under `dataDir/files/<uuid>` (a server-chosen name, never the
 * client's), metadata in SQLite. A stream is written to a temporary file and renamed into place
 * only when complete and within limits.
 */
export function createFileStore(db: Database.Database, dataDir: string) {
  const dir = join(dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  const insert = db.prepare(
    `INSERT INTO files (id, user_id, meeting_id, name, type, size, inline, created_at, session_id, removed)
     VALUES (@id, @user_id, @meeting_id, @name, @type, @size, @inline, @created_at, @session_id, 0)`,
  );
  const select = db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?');
  const used = db.prepare<[string, string], { mine: number | null; total: number | null }>(
    `SELECT SUM(CASE WHEN user_id = ? THEN size END) AS mine, SUM(size) AS total
     FROM files WHERE session_id = ?`,
  );
  const inUse = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM messages WHERE file_id = ? AND deleted = 0 LIMIT 1',
  );
  const markRemoved = db.prepare('UPDATE files SET removed = 1 WHERE id = ?');

  /** Throws `QuotaExceeded` unless `size` more bytes (at least one) fit both quotas; returns what is left. */
  function remaining(meta: UploadMeta, size: number): { participant: number; session: number } {
    const row = used.get(meta.userId, meta.sessionId);
    const left = {
      participant: meta.quota.participant - (row?.mine ?? 0),
      session: meta.quota.session - (row?.total ?? 0),
    };
    overQuota(meta, left, Math.max(size, 1));
    return left;
  }

  return {
    /** The stored file's path, or undefined for anything that is not a known file id. */
    path(id: string): string | undefined {
      return FILE_ID.test(id) ? join(dir, id) : undefined;
    },
    get(id: string): FileRow | undefined {
      return FILE_ID.test(id) ? select.get(id) : undefined;
    },
    /** Throws `QuotaExceeded` when `size` more bytes would not fit the participant's or session's quota. */
    checkQuota(meta: UploadMeta, size: number): void {
      remaining(meta, size);
    },
    /**
     * Streams `body` to disk. Rejects with `UploadTooLarge` past `maxBytes`, `QuotaExceeded` past
     * what is left of a quota (checked again, synchronously, right before the row is written, so
     * concurrent uploads cannot overshoot it together) and `UploadTypeMismatch` when an inline
     * image type's magic bytes do not match.
     */
    async save(body: Readable, meta: UploadMeta): Promise<FileRow> {
      const id = randomUUID();
      const temporary = join(dir, `.upload-${id}`);
      const final = join(dir, id);
      const allowance = remaining(meta, 0);
      let size = 0;
      let head = Buffer.alloc(0);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > meta.maxBytes) return callback(new UploadTooLarge());
          try {
            overQuota(meta, allowance, size);
          } catch (error) {
            return callback(error as Error);
          }
          if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(body, counter, createWriteStream(temporary, { flags: 'wx' }));
        const check = MAGIC[meta.type];
        if (check && !check(head)) throw new UploadTypeMismatch();
        await rename(temporary, final);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      const row: FileRow = {
        id,
        user_id: meta.userId,
        meeting_id: meta.meetingId,
        name: meta.name,
        type: meta.type,
        size,
        inline: MAGIC[meta.type] ? 1 : 0,
        created_at: Date.now(),
        session_id: meta.sessionId,
        removed: 0,
      };
      try {
        remaining(meta, size); // no await between this check and the insert
      } catch (error) {
        await rm(final, { force: true });
        throw error;
      }
      insert.run(row);
      return row;
    },
    /**
     * Called when a message stops showing a file (deleted, or edited to another file): unless
     * another message still shows it, the file is marked removed (no longer served) and its bytes
     * deleted. It still counts against the quota, so upload-and-delete loops cannot churn the disk.
     */
    release(id: string): void {
      if (inUse.get(id)) return;
      markRemoved.run(id);
      // Synchronous (one unlink), so the bytes are gone by the time the change is acknowledged.
      try {
        rmSync(join(dir, id), { force: true });
      } catch {
        // already gone, or unremovable: it is marked removed and never served either way
      }
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
