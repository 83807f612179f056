import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'natter-demo-theme';

function initialTheme(): Theme {
  const stored = localStorage.getItem(KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The page theme, on `<html data-natter-theme>` so the page and the chat panel share tokens. */
export function useTheme(): { theme: Theme; toggle(): void } {
  const [theme, setTheme] = useState(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.natterTheme = theme;
    localStorage.setItem(KEY, theme);
  }, [theme]);
  return { theme, toggle: () => setTheme((t) => (t === 'dark' ? 'light' : 'dark')) };
}
