import type { ChatExportChoice } from '@natter/core';
import type { ChatExportNamer } from './chatExportFilename';

export type ChatExportStatus =
  'idle' | 'requesting-url' | 'downloading' | 'parsing' | 'done' | 'error';

export interface ChatExportProgress {
  loaded: number;
  /** From `Content-Length`; `undefined` when the server does not say. */
  total: number | undefined;
  /** Files zipped so far and in all, while a zip of the meeting's files is written. */
  files?: { done: number; total: number };
}

export interface ChatExportError {
  /** `aborted`, `disabled` (export is off), `not-allowed` (a choice the policy forbids), `no-files`, or the Replay / CSV error's code. */
  code: string;
  message: string;
  cause: unknown;
}

export function toExportError(error: unknown): ChatExportError {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { code: 'aborted', message: 'The download was cancelled.', cause: error };
  }
  // ReplayError and ChatDumpError carry a code (checked by shape: they load lazily).
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return { code: error.code, message: error.message, cause: error };
  }
  const message = error instanceof Error ? error.message : 'The chat could not be exported.';
  return { code: 'unknown', message, cause: error };
}

/** What to export (each part defaults to the first the policy allows) and the file's name. */
export interface ChatExportDownloadOptions extends Partial<ChatExportChoice> {
  /**
   * The name, or a function of the meeting's title and the day (for translations); default
   * `Weekly sync chat 2026-11-30.csv`. The extension follows the format.
   */
  filename?: string | ChatExportNamer;
}

export interface ChatFilesDownloadOptions {
  names?: ChatExportChoice['names'];
  /** Default `Weekly sync files 2026-11-30.zip`. */
  filename?: string | ChatExportNamer;
  picker?: boolean;
}
