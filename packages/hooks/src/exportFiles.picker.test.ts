// @vitest-environment node
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from './exportTasks';
import type { ExportContext } from './exportTasks';

/**
 * "All files (.zip)" asks where to save before it fetches the dump: the browser opens its save
 * dialog only while the click's user activation lasts, and a slow dump would outlast it. A real
 * loopback server serves the dump and the shared file; the dialog is the page's
 * `showSaveFilePicker`, recording when it was asked and what was written.
 */
let server: Server;
let base = '';
let dumpStatus = 200;
const events: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/dump.csv') {
      events.push('dump');
      res.writeHead(dumpStatus, { 'content-type': 'text/csv' });
      res.end(
        'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n' +
          `m1,p1,s1,meet,Ada Lovelace,false,false,FILE_MESSAGE,"{""link"":""${base}/files/agenda.pdf"",""name"":""agenda.pdf"",""size"":5}",2026-03-02T12:00:00Z\r\n`,
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('%PDF-');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  delete (globalThis as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  events.length = 0;
  dumpStatus = 200;
});

/** A save dialog that records its call and keeps what is written into the picked file. */
function installPicker() {
  const file = { bytes: 0, removed: false, name: '' };
  (globalThis as { showSaveFilePicker?: unknown }).showSaveFilePicker = async ({
    suggestedName,
  }: {
    suggestedName: string;
  }) => {
    events.push('picker');
    file.name = suggestedName;
    return {
      createWritable: async () =>
        new WritableStream<Uint8Array>({
          write: (chunk) => {
            file.bytes += chunk.byteLength;
          },
        }),
      remove: async () => {
        file.removed = true;
      },
    };
  };
  return file;
}

/** What `useChatExport` hands the export code, with the dump fetched from the loopback server. */
function context(): ExportContext {
  return {
    policy: undefined,
    hasReplay: true,
    meetingName: 'Ada and Grace 1:1',
    live: () => [],
    dump: async () => {
      const res = await fetch(`${base}/dump.csv`);
      if (!res.ok) throw new Error(`storage refused the dump (${res.status})`);
      return res.blob();
    },
    sessionId: 's1',
    meetingId: 'meet',
    nameOf: () => undefined,
    signal: new AbortController().signal,
  };
}

describe('exportFiles (useChatExport().downloadFiles) and the save dialog', () => {
  it('opens the save dialog before the dump is asked for, then streams the zip into the file', async () => {
    const file = installPicker();
    await exportFiles(context(), {}, () => undefined);
    expect(events).toEqual(['picker', 'dump']);
    expect(file.name).toMatch(/^Ada and Grace 1.1 files \d{4}-\d\d-\d\d\.zip$/);
    expect(file.bytes).toBeGreaterThan(0);
    expect(file.removed).toBe(false);
  });

  it('anonymised, the suggested name leaves out the meeting title (it may name people)', async () => {
    const file = installPicker();
    await exportFiles(context(), { names: 'anonymised' }, () => undefined);
    expect(file.bytes).toBeGreaterThan(0);
    expect(file.name).toMatch(/^Files \d{4}-\d\d-\d\d\.zip$/);
  });

  it('a dump that fails after the file was picked leaves no file behind', async () => {
    const file = installPicker();
    dumpStatus = 500;
    await expect(exportFiles(context(), {}, () => undefined)).rejects.toThrow(/refused/);
    expect(events).toEqual(['picker', 'dump']);
    expect(file.bytes).toBe(0);
    expect(file.removed).toBe(true);
  });
});
