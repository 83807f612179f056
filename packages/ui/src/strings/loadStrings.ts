import { defaultStrings } from './defaultStrings';
import type { NatterStrings } from './defaultStrings';
import { loadTable, tableLanguage } from './stringTables';

export { peekStrings, shippedLocales, tableLanguage } from './stringTables';

/**
 * Loads the complete string table of `locale` (English when none is shipped for it). Components
 * under a `StringsProvider` / `ChatPanel` with `locale` load theirs themselves; call this to have
 * it ready before the first render.
 *
 * @example
 * ```ts
 * const strings = await loadStrings('fr-CA') // the French table
 * ```
 */
export async function loadStrings(locale: string | undefined): Promise<NatterStrings> {
  const language = tableLanguage(locale);
  if (language === undefined || language === 'en') return defaultStrings;
  return (await loadTable(language)) ?? defaultStrings;
}
