'use client';
import { createContext, createElement, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { listStrings } from './listStrings';
import { meetingStrings } from './meetingStrings';
import { panelStrings } from './panelStrings';

/** Every visible string of the kit, English by default; override any subset. */
export const defaultStrings = { ...listStrings, ...panelStrings, ...meetingStrings };
export type NatterStrings = typeof defaultStrings;

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
