import type { Theme } from './useTheme';

export function ThemeToggle({ theme }: { theme: { theme: Theme; toggle(): void } }) {
  const dark = theme.theme === 'dark';
  return (
    <button type="button" className="demo-button" aria-pressed={dark} onClick={theme.toggle}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
