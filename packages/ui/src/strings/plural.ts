/** Plural forms of one message; `#` is replaced by the formatted number. `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** `n` formatted for `locale` (`1 234`, `١٢٣`). */
export function formatCount(n: number, locale: string): string {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/**
 * The plural form of `forms` that `Intl.PluralRules` picks for `n` in `locale` (Arabic has six,
 * Polish four, Japanese one), with `#` replaced by the number formatted for the locale.
 *
 * @example
 * ```ts
 * plural('en', 3, { one: '# new message', other: '# new messages' }) // '3 new messages'
 * ```
 */
export function plural(locale: string, n: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  const form = forms[rule.select(n)] ?? forms.other;
  return form.replace('#', formatCount(n, locale));
}
