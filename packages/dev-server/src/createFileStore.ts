import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
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
}

export class UploadTooLarge extends Error {}
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
    `INSERT INTO files (id, user_id, meeting_id, name, type, size, inline, created_at)
     VALUES (@id, @user_id, @meeting_id, @name, @type, @size, @inline, @created_at)`,
  );
  const select = db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?');

  return {
    /** The stored file's path, or undefined for anything that is not a known file id. */
    path(id: string): string | undefined {
      return FILE_ID.test(id) ? join(dir, id) : undefined;
    },
    get(id: string): FileRow | undefined {
      return FILE_ID.test(id) ? select.get(id) : undefined;
    },
    /**
     * Streams `body` to disk. Rejects with `UploadTooLarge` past `maxBytes` and with
     * `UploadTypeMismatch` when an inline image type's magic bytes do not match.
     */
    async save(
      body: Readable,
      meta: { userId: string; meetingId: string; name: string; type: string; maxBytes: number },
    ): Promise<FileRow> {
      const id = randomUUID();
      const temporary = join(dir, `.upload-${id}`);
      let size = 0;
      let head = Buffer.alloc(0);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > meta.maxBytes) return callback(new UploadTooLarge());
          if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(body, counter, createWriteStream(temporary, { flags: 'wx' }));
        const check = MAGIC[meta.type];
        if (check && !check(head)) throw new UploadTypeMismatch();
        await rename(temporary, join(dir, id));
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
      };
      insert.run(row);
      return row;
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
