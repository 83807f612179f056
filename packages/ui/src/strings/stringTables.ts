import { panelDefaults } from './panelDefaults';
import type { NatterStrings, PanelStrings } from './defaultStrings';

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

const cache = new Map<string, NatterStrings>();

/** The table's language for a BCP 47 locale (`pt-BR` → `pt`, `zh-Hans-CN` → `zh`), if shipped. */
export function tableLanguage(locale: string | undefined): string | undefined {
  const language = locale?.split('-')[0]?.toLowerCase();
  return language && shippedLocales.includes(language) ? language : undefined;
}

/**
 * The table for `locale` if it is already loaded. English always is, as the first-paint strings
 * (the parts loaded on demand add theirs): the full English table stays out of the panel bundle.
 */
export function peekStrings(locale: string | undefined): PanelStrings | undefined {
  const language = tableLanguage(locale);
  if (language === 'en') return panelDefaults;
  return language === undefined ? undefined : cache.get(language);
}

/** Loads a shipped table other than English (undefined: none for `language`). */
export async function loadTable(language: string): Promise<NatterStrings | undefined> {
  const cached = cache.get(language);
  if (cached) return cached;
  const load = loaders[language];
  if (!load) return undefined;
  const table = (await load()).default;
  cache.set(language, table);
  return table;
}
