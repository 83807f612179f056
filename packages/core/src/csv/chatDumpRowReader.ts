// Why this file stays whole (over 300 lines): it is one class, the row reader of the chat-dump
// parse, and its hot path. Every row goes through `push` and the typing below it, which share the
// reader's per-window state (line counting, the located columns, the shared-string cache) and are
// kept in one module so the parse's inner loop stays in one place to read and to profile (see
// `pnpm bench csv`). The parts with no state of their own already live beside it: columns
// (`chatDumpColumns.ts`), cells (`chatDumpCells.ts`), payloads (`chatDumpPayload.ts`).
import type { ChatDumpRowError } from './ChatDumpError';
import { ChatDumpError } from './ChatDumpError';
import { locateColumns, textDumpMessage, withFlags } from './chatDumpColumns';
import type { ChatDumpColumn, DumpMessage } from './chatDumpColumns';
import { parseBooleanCell, parseDateCell, restoreFormula } from './chatDumpCells';
import { IdSet } from './chatDumpIdSet';
import { decodePayload } from './chatDumpPayload';

/** papaparse's per-row parse errors, reduced to what we report. */
export interface RowQuoteProblems {
  unterminated: boolean;
  malformed: boolean;
}

type Problem = Omit<ChatDumpRowError, 'row' | 'line' | 'skipped' | 'cells'>;

/**
 * Turns parsed CSV rows into `DumpMessage`s: finds the header, then types each record and
 * reports row-level problems. Rows are fed in order; line numbers are counted from the cells.
 */
export class ChatDumpRowReader {
  readonly errors: ChatDumpRowError[] = [];
  private header: string[] | undefined;
  /** Column positions, -1 when the (optional) column is absent. */
  private at = NO_COLUMNS;
  /** Fields a record needs to reach every located column. */
  private needed = 0;
  private record = 0;
  /** The current window of rows, its first row's line, and how far its lines are counted. */
  private window: string[][] = [];
  private windowLine = 1;
  private counted = 0;
  private countedLine = 1;
  private position = 0;
  private readonly seen = new IdSet();
  /** The current row's problems; stays empty (never reallocated) for good rows. */
  private readonly problems: Problem[] = [];
  /** Repeated cells (participant, name, session, meeting, payload type) share one string. */
  private readonly shared = new Map<string, string>();
  /** By column position + 1: the previous row's raw cell and its shared string. */
  private readonly lastCell: string[] = [];
  private readonly lastShared: string[] = [];

  constructor(
    private readonly emit: (message: DumpMessage) => void,
    private readonly restoreFormulas: boolean,
  ) {}

  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /**
   * Starts a window of parsed rows, pushed next in order. Line numbers (for errors only) are
   * counted lazily: a window's rows are scanned for line breaks only up to a row with an error.
   */
  startWindow(rows: string[][]): void {
    this.window = rows;
    this.counted = 0;
    this.countedLine = this.windowLine;
    this.position = 0;
  }

  /** Ends the window; `lineBreaks`, when known, is how many its text held (saves a scan). */
  endWindow(lineBreaks: number | undefined): void {
    this.windowLine =
      lineBreaks === undefined ? this.lineAt(this.window.length) : this.windowLine + lineBreaks;
    this.window = [];
  }

  /** The line where the window's row `position` starts. */
  private lineAt(position: number): number {
    while (this.counted < position) {
      this.countedLine += 1 + countLineBreaks(this.window[this.counted] ?? []);
      this.counted++;
    }
    return this.countedLine;
  }

  /** Feeds the next row of the window. `quotes` carries papaparse's quote errors for that row. */
  push(cells: string[], quotes: RowQuoteProblems | undefined): void {
    const position = this.position++;
    const blank = cells.length === 1 && (cells[0] ?? '').trim() === '' && !quotes;
    if (this.header === undefined) {
      if (!blank && !cells.every((cell) => cell.trim() === '')) this.readHeader(cells);
      return;
    }
    if (blank) return;
    this.record += 1;
    const problems = this.problems;
    if (problems.length > 0) problems.length = 0;
    if (quotes !== undefined) {
      if (quotes.malformed) {
        problems.push({
          code: 'bad-quotes',
          message:
            'a quoted field has characters after its closing quote (a stray " inside a field?)',
        });
      }
      if (quotes.unterminated) {
        problems.push({
          code: 'unterminated-quote',
          message:
            'a quoted field opens but never closes, so the rest of the file was read into it (truncated file?)',
        });
        return this.report(this.lineAt(position), cells, true);
      }
    }
    const fieldProblem = this.checkFieldCount(cells);
    if (fieldProblem) {
      problems.push(fieldProblem);
      return this.report(this.lineAt(position), cells, true);
    }
    const message = this.toMessage(cells);
    if (problems.length > 0) this.report(this.lineAt(position), cells, message === undefined);
    if (message) this.emit(message);
  }

  /** Call after the last row: a file with no header at all is unusable. */
  finish(): void {
    if (this.header === undefined) {
      throw new ChatDumpError(
        'empty',
        'The chat dump is empty: it has no header row and no messages.',
      );
    }
  }

  private readHeader(cells: string[]): void {
    const { index, known, missing } = locateColumns(cells);
    if (known === 0) {
      const first = cells.join(',');
      throw new ChatDumpError(
        'not-csv',
        `This is not a chat dump CSV: its first line (${JSON.stringify(first.length > 80 ? `${first.slice(0, 80)}…` : first)}) names none of the expected columns (id, participantId, payloadType, payload, createdAt, ...).`,
      );
    }
    if (missing.length > 0) {
      throw new ChatDumpError(
        'missing-columns',
        `The chat dump's header lacks required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
        { columns: missing },
      );
    }
    this.header = cells;
    this.at = {
      id: index.id ?? -1,
      participantId: index.participantId ?? -1,
      sessionId: index.sessionId ?? -1,
      meetingId: index.meetingId ?? -1,
      displayName: index.displayName ?? -1,
      pinned: index.pinned ?? -1,
      isEdited: index.isEdited ?? -1,
      payloadType: index.payloadType ?? -1,
      payload: index.payload ?? -1,
      createdAt: index.createdAt ?? -1,
    };
    this.needed = Math.max(...Object.values(index).map((position) => position ?? 0)) + 1;
  }

  private checkFieldCount(cells: string[]): Problem | undefined {
    const expected = this.header?.length ?? 0;
    if (cells.length > expected && cells.slice(expected).some((cell) => cell !== '')) {
      return {
        code: 'field-count',
        message: `it has ${cells.length} fields but the header has ${expected} (an unquoted comma?)`,
      };
    }
    if (cells.length < this.needed) {
      return {
        code: 'field-count',
        message: `it has ${cells.length} fields but the header has ${expected}`,
      };
    }
    return undefined;
  }

  private cell(cells: string[], position: number): string {
    const value = position < 0 ? '' : (cells[position] ?? '');
    return this.restoreFormulas && value.charCodeAt(0) === 39 /* ' */
      ? restoreFormula(value)
      : value;
  }

  /** A repeated cell: the first string seen with this content. */
  private sharedCell(cells: string[], position: number): string {
    const value = this.cell(cells, position);
    // Session, meeting and payload type rarely change from one row to the next: no hashing then.
    const slot = position + 1;
    if (value === this.lastCell[slot]) return this.lastShared[slot] ?? value;
    let own = this.shared.get(value);
    if (own === undefined) {
      own = detach(value);
      if (this.shared.size < MAX_SHARED) this.shared.set(own, own);
    }
    this.lastCell[slot] = value;
    this.lastShared[slot] = own;
    return own;
  }

  private toMessage(cells: string[]): DumpMessage | undefined {
    const at = this.at;
    const problems = this.problems;
    const id = detach(this.cell(cells, at.id));
    const blankId = isBlank(id);
    if (blankId) problems.push({ code: 'missing-id', column: 'id', message: 'the id is blank' });
    const createdAt = this.cell(cells, at.createdAt);
    const time = parseDateCell(createdAt);
    if (time === null) {
      problems.push({
        code: 'bad-date',
        column: 'createdAt',
        message: `createdAt ${JSON.stringify(createdAt)} is not an ISO 8601 date or an epoch time`,
      });
    }
    const pinned = this.flag(cells, at.pinned, 'pinned');
    const isEdited = this.flag(cells, at.isEdited, 'isEdited');
    if (time === null || blankId) return undefined;
    if (!this.seen.add(id)) {
      problems.push({
        code: 'duplicate-id',
        column: 'id',
        message: `id ${JSON.stringify(id)} already appeared in an earlier row (the first one is kept)`,
      });
      return undefined;
    }
    const payloadType = this.sharedCell(cells, at.payloadType);
    const payload = this.cell(cells, at.payload);
    // A quoted cell with `""` in it is already a fresh string (papaparse unescaped it).
    const text = payload.indexOf('"') === -1 ? detach(payload) : payload;
    const userId = this.sharedCell(cells, at.participantId);
    const displayName = this.sharedCell(cells, at.displayName);
    const sessionId = this.sharedCell(cells, at.sessionId);
    const meetingId = this.sharedCell(cells, at.meetingId);
    if (payloadType === 'TEXT_MESSAGE') {
      return textDumpMessage(
        id,
        text,
        userId,
        displayName,
        time,
        sessionId,
        meetingId,
        payloadType,
        pinned,
        isEdited,
      );
    }
    const decoded = decodePayload(payloadType, text);
    if (decoded.problem !== undefined) {
      problems.push({ code: 'bad-payload', column: 'payload', message: decoded.problem });
    }
    const message: DumpMessage = {
      id,
      ...decoded.fields,
      userId,
      displayName,
      time,
      sessionId,
      meetingId,
      payloadType,
    };
    return withFlags(message, pinned, isEdited);
  }

  private flag(
    cells: string[],
    position: number,
    column: 'pinned' | 'isEdited',
  ): boolean | undefined {
    const raw = this.cell(cells, position);
    const value = parseBooleanCell(raw);
    if (value !== null) return value;
    this.problems.push({
      code: 'bad-boolean',
      column,
      message: `${column} ${JSON.stringify(raw)} is not true/false/1/0 (left unset)`,
    });
    return undefined;
  }

  private report(line: number, cells: string[], skipped: boolean): void {
    for (const problem of this.problems) {
      const error: ChatDumpRowError = {
        code: problem.code,
        row: this.record,
        line,
        message: `Row ${this.record} (line ${line}): ${problem.message}.${skipped ? ' The row was skipped.' : ''}`,
        skipped,
      };
      if (problem.column !== undefined) error.column = problem.column;
      if (skipped) error.cells = cells;
      this.errors.push(error);
    }
  }
}

type ColumnPositions = Record<ChatDumpColumn, number>;

const NO_COLUMNS: ColumnPositions = {
  id: -1,
  participantId: -1,
  sessionId: -1,
  meetingId: -1,
  displayName: -1,
  pinned: -1,
  isEdited: -1,
  payloadType: -1,
  payload: -1,
  createdAt: -1,
};

/** Distinct repeated values kept for sharing; past this, new values are simply not shared. */
const MAX_SHARED = 10_000;

/**
 * A copy of `text` that does not keep the parsed text window alive. V8 makes a substring of 13 or
 * more characters a view into its parent, so one kept cell would hold the whole window (MiBs of
 * text) in memory; shorter substrings are copies already. `(text + ' ').slice(0, -1)` is the
 * cheapest way to get a flat copy; the result is the same string value.
 */
function detach(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** Same as `text.trim() === ''` without building the trimmed string for the usual non-blank id. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  // A first character above the space and below the first Unicode space (U+00A0) is not blank.
  if (first > 32 && first < 160) return false;
  return text.trim() === '';
}

export function countLineBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    count += cell.match(/\r\n?|\n/g)?.length ?? 0;
  }
  return count;
}
