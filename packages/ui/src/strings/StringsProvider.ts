'use client';
import { createContext, createElement, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { panelDefaults } from './panelDefaults';
import type { NatterStrings, PanelStrings } from './defaultStrings';
import { loadTable, peekStrings, tableLanguage } from './stringTables';

interface Locale {
  /** The strings of the parts loaded on demand may be absent: those parts use `useRecordStrings`. */
  strings: PanelStrings;
  /** BCP 47 locale for dates, sizes and plurals; the browser's by default. */
  locale: string | undefined;
}

const StringsContext = createContext<Locale>({ strings: panelDefaults, locale: undefined });

export interface StringsProviderProps {
  /** Overrides any subset of the strings (on top of the locale's table). */
  strings?: Partial<NatterStrings> | undefined;
  /**
   * BCP 47 locale: selects the shipped string table (ar, de, en, es, fr, he, ja, pt, zh; loaded
   * on demand) and the `Intl` formats. Inherited from an outer provider when absent.
   */
  locale?: string | undefined;
  children?: ReactNode;
}

/** The table of `locale`, loaded on demand; `undefined` while it loads or when none is shipped. */
function useTable(locale: string | undefined): PanelStrings | undefined {
  const language = tableLanguage(locale);
  const [loaded, setLoaded] = useState<{ language: string; table: PanelStrings } | null>(null);
  const ready = peekStrings(locale);
  useEffect(() => {
    if (language === undefined || peekStrings(language)) return undefined;
    let live = true;
    void loadTable(language).then((table) => {
      if (live && table) setLoaded({ language, table });
    });
    return () => {
      live = false;
    };
  }, [language]);
  return ready ?? (loaded && loaded.language === language ? loaded.table : undefined);
}

/**
 * Sets the locale (its complete string table and the `Intl` formats) and overrides strings for
 * every Natter component below it. `ChatPanel` takes the same `locale` and `strings` props.
 *
 * @example
 * ```tsx
 * <StringsProvider locale="fr" strings={{ panelTitle: 'Discussion du cours' }}>
 *   <MessageList />
 * </StringsProvider>
 * ```
 */
export function StringsProvider({ strings, locale, children }: StringsProviderProps) {
  const parent = useContext(StringsContext);
  const table = useTable(locale);
  const value = useMemo<Locale>(
    () => ({
      strings: {
        ...(locale === undefined ? parent.strings : (table ?? parent.strings)),
        ...strings,
      },
      locale: locale ?? parent.locale,
    }),
    [parent, table, strings, locale],
  );
  return createElement(StringsContext.Provider, { value }, children);
}

/** The strings and locale in effect. */
export function useStrings(): Locale {
  return useContext(StringsContext);
}
