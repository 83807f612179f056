import type { ChatDumpRowError } from './ChatDumpError';
import { ChatDumpError } from './ChatDumpError';
import { locateColumns } from './chatDumpColumns';
import type { ChatDumpColumn, ColumnIndex, DumpMessage } from './chatDumpColumns';
import { parseBooleanCell, parseDateCell, restoreFormula } from './chatDumpCells';
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
  private index: ColumnIndex = {};
  /** Fields a record needs to reach every located column. */
  private needed = 0;
  private record = 0;
  private nextLine = 1;
  private readonly seen = new Set<string>();

  constructor(
    private readonly emit: (message: DumpMessage) => void,
    private readonly restoreFormulas: boolean,
  ) {}

  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /** Feeds one row. `quotes` carries papaparse's quote errors for that row. */
  push(cells: string[], quotes: RowQuoteProblems | undefined): void {
    const line = this.nextLine;
    this.nextLine += 1 + countLineBreaks(cells);
    const blank = cells.length === 1 && (cells[0] ?? '').trim() === '' && !quotes;
    if (this.header === undefined) {
      if (!blank && !cells.every((cell) => cell.trim() === '')) this.readHeader(cells);
      return;
    }
    if (blank) return;
    this.record += 1;
    const problems: Problem[] = [];
    if (quotes?.malformed) {
      problems.push({
        code: 'bad-quotes',
        message:
          'a quoted field has characters after its closing quote (a stray " inside a field?)',
      });
    }
    if (quotes?.unterminated) {
      problems.push({
        code: 'unterminated-quote',
        message:
          'a quoted field opens but never closes, so the rest of the file was read into it (truncated file?)',
      });
      return this.report(problems, line, cells, true);
    }
    const fieldProblem = this.checkFieldCount(cells);
    if (fieldProblem) {
      problems.push(fieldProblem);
      return this.report(problems, line, cells, true);
    }
    const message = this.toMessage(cells, problems);
    this.report(problems, line, cells, message === undefined);
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
    this.index = index;
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

  private cell(cells: string[], column: ChatDumpColumn): string {
    const position = this.index[column];
    const value = position === undefined ? '' : (cells[position] ?? '');
    return this.restoreFormulas ? restoreFormula(value) : value;
  }

  private toMessage(cells: string[], problems: Problem[]): DumpMessage | undefined {
    const id = this.cell(cells, 'id');
    if (id.trim() === '')
      problems.push({ code: 'missing-id', column: 'id', message: 'the id is blank' });
    const createdAt = this.cell(cells, 'createdAt');
    const time = parseDateCell(createdAt);
    if (time === null) {
      problems.push({
        code: 'bad-date',
        column: 'createdAt',
        message: `createdAt ${JSON.stringify(createdAt)} is not an ISO 8601 date or an epoch time`,
      });
    }
    const pinned = this.flag(cells, 'pinned', problems);
    const isEdited = this.flag(cells, 'isEdited', problems);
    if (time === null || id.trim() === '') return undefined;
    if (this.seen.has(id)) {
      problems.push({
        code: 'duplicate-id',
        column: 'id',
        message: `id ${JSON.stringify(id)} already appeared in an earlier row (the first one is kept)`,
      });
      return undefined;
    }
    this.seen.add(id);
    const payloadType = this.cell(cells, 'payloadType');
    const decoded = decodePayload(payloadType, this.cell(cells, 'payload'));
    if (decoded.problem !== undefined) {
      problems.push({ code: 'bad-payload', column: 'payload', message: decoded.problem });
    }
    return {
      id,
      ...decoded.fields,
      userId: this.cell(cells, 'participantId'),
      displayName: this.cell(cells, 'displayName'),
      time,
      ...(pinned === undefined ? {} : { pinned }),
      ...(isEdited === undefined ? {} : { isEdited }),
      sessionId: this.cell(cells, 'sessionId'),
      meetingId: this.cell(cells, 'meetingId'),
      payloadType,
    };
  }

  private flag(
    cells: string[],
    column: 'pinned' | 'isEdited',
    problems: Problem[],
  ): boolean | undefined {
    const raw = this.cell(cells, column);
    const value = parseBooleanCell(raw);
    if (value !== null) return value;
    problems.push({
      code: 'bad-boolean',
      column,
      message: `${column} ${JSON.stringify(raw)} is not true/false/1/0 (left unset)`,
    });
    return undefined;
  }

  private report(problems: Problem[], line: number, cells: string[], skipped: boolean): void {
    for (const problem of problems) {
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

function countLineBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    count += cell.match(/\r\n?|\n/g)?.length ?? 0;
  }
  return count;
}
