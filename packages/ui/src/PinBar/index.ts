export { PinBar } from './PinBar';
export type { PinBarProps } from './PinBar';
