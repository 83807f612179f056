import { sanitizeFilename } from '../replay/saveBlob';

/**
 * Gives each file a safe, unique name inside a zip: `sanitizeFilename` first (no `/` or `\`, so
 * `../../x` cannot leave the folder; no control or bidi-override characters, so `gnp.exe` cannot
 * pose as `exe.png`; no Windows device names or characters), then `a.png`, `a (2).png`, … compared
 * without case (Windows and macOS treat `A.png` and `a.png` as one file).
 *
 * @example
 * ```ts
 * const unique = createZipEntryNames(['index.csv'])
 * unique('a.png') // 'a.png'
 * unique('A.png') // 'A (2).png'
 * unique('../../x') // '_.._x'
 * ```
 */
export function createZipEntryNames(reserved: readonly string[] = []): (name: string) => string {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return (name) => {
    const safe = sanitizeFilename(name, 'file');
    const dot = safe.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    let candidate = safe;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++)
      candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
