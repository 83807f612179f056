// No 'use client': plain data that Server Components may read too.
import { listStrings } from './listStrings';
import { meetingStrings } from './meetingStrings';
import { panelStrings } from './panelStrings';

/** Every visible string of the kit, English by default; override any subset. */
export const defaultStrings = { ...listStrings, ...panelStrings, ...meetingStrings };
export type NatterStrings = typeof defaultStrings;
