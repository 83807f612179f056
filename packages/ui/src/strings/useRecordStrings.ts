'use client';
import { useMemo } from 'react';
import type { NatterStrings } from './defaultStrings';
import { recordStrings } from './recordStrings';
import { useStrings } from './StringsProvider';

/**
 * The strings in effect, with English for the parts loaded on demand (the filter, the missed
 * summary) underneath: their defaults stay out of the first-paint bundle.
 */
export function useRecordStrings(): { strings: NatterStrings; locale: string | undefined } {
  const { strings, locale } = useStrings();
  const all = useMemo(() => ({ ...recordStrings, ...strings }), [strings]);
  return { strings: all, locale };
}
