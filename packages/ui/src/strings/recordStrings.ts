import { formatCount as n, plural } from './plural';

/**
 * Visible strings of the parts that load on demand (the shared filter, "what you missed", the
 * export menu). Not in the panel's first-paint bundle: those parts read them through
 * `useRecordStrings`.
 */
export const recordStrings = {
  /** The filter's buttons to the previous and next match (also Shift+Enter and Enter). */
  previousMatch: 'Previous',
  nextMatch: 'Next',
  matchPosition: (index: number, count: number) => `${n(index, 'en')} of ${n(count, 'en')} matches`,
  /** The heading of the summary of the history a late joiner finds. */
  missedJoined: 'Before you joined',
  /** The heading of the summary of what arrived while the panel was closed. */
  missedAway: 'While you were away',
  /** `more`: older history is not loaded yet, so there were at least `count`. */
  missedCount: (count: number, more: boolean) =>
    plural('en', count, {
      one: more ? '#+ message' : '# message',
      other: more ? '#+ messages' : '# messages',
    }),
  /** `names`: a list already joined for the locale ("Ada, Bob and 3 others"). */
  missedFrom: (names: string) => `from ${names}`,
  missedOthers: (count: number) => plural('en', count, { one: '# other', other: '# others' }),
  missedPinned: 'Pinned',
  missedJump: 'Go to the first',
  missedDismiss: 'Dismiss',
  /** The export menu (`DownloadChatButton`'s "Export options"): group labels, then choices. */
  exportScopes: 'Messages',
  exportFormats: 'Format',
  exportNames: 'Names',
  exportTimes: 'Times',
  exportAll: 'Everything (chat record)',
  exportVisible: 'What I can see',
  exportPinned: 'Pinned only',
  exportCsv: 'Spreadsheet (.csv)',
  exportTxt: 'Text transcript (.txt)',
  exportMd: 'Markdown transcript (.md)',
  exportKept: 'Keep names',
  exportAnonymised: 'Participant 1, 2, …',
  exportAbsolute: 'Clock time',
  exportRelative: 'From the start (+12:30)',
  exportExcel: 'Excel-friendly (UTF-8 BOM)',
  exportDownload: 'Download',
  exportFiles: 'All files (.zip)',
};
