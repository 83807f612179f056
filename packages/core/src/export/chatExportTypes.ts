/** Which messages an export holds. */
export type ChatExportScope =
  /** Everything the Chat Replay API has for the session (public messages). */
  | 'all'
  /** What this person can see: public messages plus their own private conversations. */
  | 'visible'
  /** Only pinned messages. */
  | 'pinned';

/** `csv`: the Replay API's columns (reads back in `ReplayView`); `txt` / `md`: a transcript. */
export type ChatExportFormat = 'csv' | 'txt' | 'md';

/** `kept`: display names as they are; `anonymised`: "Participant 1", "Participant 2", … */
export type ChatExportNames = 'kept' | 'anonymised';

/** `absolute`: the clock time; `relative`: from the meeting's start, `+12:30`. */
export type ChatExportTimes = 'absolute' | 'relative';

/** One export's choices. */
export interface ChatExportChoice {
  scope: ChatExportScope;
  format: ChatExportFormat;
  names: ChatExportNames;
  times: ChatExportTimes;
  /** Starts the file with a UTF-8 byte-order mark, so Excel shows accents, emoji and scripts. */
  excel: boolean;
}

/**
 * What an app allows (`ChatProvider`'s `exportPolicy`): each list is the choices offered, in
 * order (the first is the default); an absent list allows every choice. `false` turns export off.
 *
 * @example
 * ```tsx
 * // Transcripts only, always anonymised, no file bundles:
 * <ChatProvider chat={chat} exportPolicy={{ formats: ['txt', 'md'], names: ['anonymised'], files: false }} />
 * ```
 */
export interface ChatExportPolicy {
  scopes?: readonly ChatExportScope[];
  formats?: readonly ChatExportFormat[];
  names?: readonly ChatExportNames[];
  times?: readonly ChatExportTimes[];
  /** Whether the Excel-friendly option may be chosen. Default true. */
  excel?: boolean;
  /** Whether "all files in one zip" is offered. Default true. */
  files?: boolean;
}
