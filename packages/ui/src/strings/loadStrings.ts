import { defaultStrings } from './defaultStrings';
import type { NatterStrings } from './defaultStrings';

type Loader = () => Promise<{ default: NatterStrings }>;

/**
 * The shipped string tables. Each is a separate chunk, loaded when its locale is first used, so
 * an English-only app carries none of them.
 */
const loaders: Record<string, Loader> = {
  ar: () => import('./locales/ar'),
  de: () => import('./locales/de'),
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  he: () => import('./locales/he'),
  ja: () => import('./locales/ja'),
  pt: () => import('./locales/pt'),
  zh: () => import('./locales/zh'),
};

/** Languages with a complete string table (BCP 47 primary subtags). */
export const shippedLocales: readonly string[] = [
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'he',
  'ja',
  'pt',
  'zh',
];

const cache = new Map<string, NatterStrings>([['en', defaultStrings]]);

/** The table's language for a BCP 47 locale (`pt-BR` → `pt`, `zh-Hans-CN` → `zh`), if shipped. */
export function tableLanguage(locale: string | undefined): string | undefined {
  const language = locale?.split('-')[0]?.toLowerCase();
  return language && shippedLocales.includes(language) ? language : undefined;
}

/** The table for `locale` if it is already loaded (English always is). */
export function peekStrings(locale: string | undefined): NatterStrings | undefined {
  const language = tableLanguage(locale);
  return language === undefined ? undefined : cache.get(language);
}

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
  const cached = peekStrings(locale);
  if (cached) return cached;
  const load = language === undefined ? undefined : loaders[language];
  if (!load || language === undefined) return defaultStrings;
  const table = (await load()).default;
  cache.set(language, table);
  return table;
}
