// What an app imports to show a chat panel. bench/size.bench.mjs builds this with Vite, as a
// consumer app would, and weighs the initial JS and CSS apart from what loads on demand.
import '@natter/ui/styles.css';
export { ChatProvider } from '@natter/hooks';
export { ChatPanel } from '@natter/ui';
