export { PinBar, pinExcerpt } from './PinBar';
export type { PinBarProps } from './PinBar';
