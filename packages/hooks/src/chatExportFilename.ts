/** Names the exported file after the meeting and the day: `(meeting, '2026-11-30') => name`. */
export type ChatExportNamer = (meeting: string | undefined, day: string) => string;

/** `2026-11-30`: the local date, sortable in a file list. */
function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const englishName: ChatExportNamer = (meeting, day) =>
  meeting ? `${meeting} chat ${day}` : `Chat ${day}`;

/**
 * The default name of a chat export: the meeting's title and the local date, `Weekly sync chat
 * 2026-11-30.csv`, or `Chat 2026-11-30.csv` without a title. `saveBlob` then makes it safe for
 * every OS (no `/`, `:` or `?`, no Windows device names, at most 200 characters).
 *
 * @example
 * ```ts
 * chatExportFilename('Weekly sync') // 'Weekly sync chat 2026-11-30.csv'
 * chatExportFilename(undefined, { name: (m, day) => `Discussion ${day}` })
 * ```
 */
export function chatExportFilename(
  meetingName: string | undefined,
  { date = new Date(), name = englishName }: { date?: Date; name?: ChatExportNamer } = {},
): string {
  return `${name(meetingName?.trim() || undefined, isoDay(date))}.csv`;
}
