/** Joins class names, skipping empty ones: `cx('natter-row', className)`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
