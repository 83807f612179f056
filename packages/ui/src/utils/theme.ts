/**
 * A part's colour scheme, as `data-natter-theme` on its root: `light`, `dark`, or `system`
 * (follows `prefers-color-scheme`). Without it the part takes the theme of the nearest
 * `[data-natter-theme]` ancestor, or light when there is none.
 */
export type NatterTheme = 'light' | 'dark' | 'system';
