import { listStrings } from './listStrings';
import { panelStrings } from './panelStrings';

/** Every visible string of the kit, English by default; override any subset. */
export const defaultStrings = { ...listStrings, ...panelStrings };
export type NatterStrings = typeof defaultStrings;
