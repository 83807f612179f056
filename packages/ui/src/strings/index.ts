export { defaultStrings } from './defaultStrings';
export type { NatterStrings } from './defaultStrings';
export { StringsProvider, useStrings } from './StringsProvider';
export { useRecordStrings } from './useRecordStrings';
export type { StringsProviderProps } from './StringsProvider';
export { loadStrings, shippedLocales } from './loadStrings';
export { plural, formatCount } from './plural';
export type { PluralForms } from './plural';
