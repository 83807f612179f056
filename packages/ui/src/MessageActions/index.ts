export { MessageActions } from './MessageActions';
export type { MessageActionsProps } from './MessageActions';
export { PinToggle } from './PinToggle';
export type { PinToggleProps } from './PinToggle';
export { usePinToggle } from './usePinToggle';
export type { UsePinToggleOptions, UsePinToggleResult } from './usePinToggle';
