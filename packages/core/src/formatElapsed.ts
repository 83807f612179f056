/**
 * The time since `start` as a meeting-relative clock: `+12:30`, `+1:02:03`, `+25:00:00` past a
 * day, `−0:45` before the start (a true minus sign, U+2212), rounded to the second. Both times
 * are in ms. The one rule for "+12:30" times: message times in the UI and export transcripts.
 *
 * @example
 * ```ts
 * formatElapsed(message.time.getTime(), meetingStart.getTime()); // "+12:30"
 * ```
 */
export function formatElapsed(ms: number, start: number): string {
  const total = Math.round((ms - start) / 1000);
  const s = Math.abs(total);
  // h:mm:ss from an ISO time; an hour-less time drops "0:" (and a leading zero of the minutes).
  const clock = new Date(s * 1000)
    .toISOString()
    .slice(11, 19)
    .replace(/^0(0:0?)?/, '');
  return (
    (total < 0 ? '\u2212' : '+') + (s >= 86_400 ? Math.floor(s / 3600) + clock.slice(-6) : clock)
  );
}
