export { MessageFilter } from './MessageFilter';
export type { MessageFilterMatches, MessageFilterProps } from './MessageFilter';
export { useMessageFilter } from './useMessageFilter';
export type {
  FilterParticipant,
  UseMessageFilterOptions,
  UseMessageFilterResult,
} from './useMessageFilter';
