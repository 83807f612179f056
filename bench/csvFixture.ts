/** Writes (once, cached in bench/.out/csv) chat dumps of N rows in the documented CSV format. */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toChatDumpCsv } from '@natter/core';
import type { Message } from '@natter/core';

const WORDS =
  'we should ship the replay export before the meeting ends, said Ada, and Grace agreed with a "quoted" remark; 😀 שלום مرحبا'.split(
    ' ',
  );

export async function chatDumpFile(rows: number): Promise<{ path: string; bytes: number }> {
  const dir = join(import.meta.dirname, '.out', 'csv');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `dump-${rows}.csv`);
  if (!existsSync(path)) {
    const chunks: string[] = [];
    const batch = 50_000;
    for (let start = 0; start < rows; start += batch) {
      const messages: Message[] = [];
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        const t = 1_767_000_000_000 + i * 1500;
        const base = {
          id: `msg-${i.toString(36)}-${(i * 7919).toString(36)}`,
          userId: `participant-${i % 40}`,
          displayName: `Person ${i % 40}`,
          time: new Date(t),
          timeMs: t,
          pinned: i % 97 === 0,
          isEdited: i % 13 === 0,
        };
        if (i % 50 === 0)
          messages.push({
            ...base,
            type: 'image',
            link: `https://storage.example.com/chat/${i}.png`,
          });
        else if (i % 71 === 0)
          messages.push({
            ...base,
            type: 'file',
            link: `https://storage.example.com/chat/${i}.pdf`,
            name: `report ${i}.pdf`,
            size: 1000 + i,
          });
        else {
          const n = 20 + ((i * 31) % 60);
          const words: string[] = [];
          for (let w = 0; w < n; w++) words.push(WORDS[(i + w * 7) % WORDS.length] ?? 'x');
          if (i % 17 === 0) words.splice(5, 0, '\nsecond line');
          messages.push({ ...base, type: 'text', message: words.join(' ') });
        }
      }
      const csv = await toChatDumpCsv(messages, {
        sessionId: 'session-bench',
        meetingId: 'meeting-bench',
      });
      chunks.push(start === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
    }
    writeFileSync(path, chunks.join(chunks[0]?.endsWith('\n') ? '' : '\n'));
  }
  return { path, bytes: statSync(path).size };
}
