// No 'use client': plain data that Server Components may read too.
import { panelDefaults } from './panelDefaults';
import { recordStrings } from './recordStrings';

export type { PanelStrings } from './panelDefaults';

/** Every visible string of the kit, English by default; override any subset. */
export const defaultStrings = { ...panelDefaults, ...recordStrings };
export type NatterStrings = typeof defaultStrings;
