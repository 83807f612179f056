'use client';
import { createContext, createElement, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { defaultStrings } from './defaultStrings';
import type { NatterStrings } from './defaultStrings';

export { defaultStrings };
export type { NatterStrings };

interface Locale {
  strings: NatterStrings;
  /** BCP 47 locale for dates and sizes; the browser's by default. */
  locale: string | undefined;
}

const StringsContext = createContext<Locale>({ strings: defaultStrings, locale: undefined });

export interface StringsProviderProps {
  strings?: Partial<NatterStrings>;
  locale?: string;
  children?: ReactNode;
}

/** Overrides strings (and the `Intl` locale) for every Natter component below it. */
export function StringsProvider({ strings, locale, children }: StringsProviderProps) {
  const parent = useContext(StringsContext);
  const value = useMemo<Locale>(
    () => ({ strings: { ...parent.strings, ...strings }, locale: locale ?? parent.locale }),
    [parent, strings, locale],
  );
  return createElement(StringsContext.Provider, { value }, children);
}

/** The strings and locale in effect. */
export function useStrings(): Locale {
  return useContext(StringsContext);
}
