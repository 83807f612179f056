export { ConversationSwitcher } from './ConversationSwitcher';
export type { ConversationSwitcherProps } from './ConversationSwitcher';
