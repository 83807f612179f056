// No 'use client': plain data that Server Components may read too.
import { listStrings } from './listStrings';
import { meetingStrings } from './meetingStrings';
import { panelStrings } from './panelStrings';
import type { recordStrings } from './recordStrings';

/**
 * The strings the panel needs at first paint. The parts loaded on demand (filter, missed summary)
 * bring their own English defaults (`useRecordStrings`), so these stay out of the panel bundle.
 */
export const panelDefaults = { ...listStrings, ...panelStrings, ...meetingStrings };
export type PanelStrings = typeof panelDefaults & Partial<typeof recordStrings>;
