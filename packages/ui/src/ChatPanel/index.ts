export { ChatPanel } from './ChatPanel';
export type { ChatPanelProps, PanelSlot } from './ChatPanel';
