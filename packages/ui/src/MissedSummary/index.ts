export { MissedSummary } from './MissedSummary';
export type { MissedSummaryProps } from './MissedSummary';
export { useMissedSummary } from './useMissedSummary';
export type { UseMissedSummaryOptions, UseMissedSummaryResult } from './useMissedSummary';
export type { MissedKind } from './missedTracker';
