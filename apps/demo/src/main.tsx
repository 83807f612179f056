import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@natter/ui/styles.css';
import './demo.css';
import { App } from './App';

// A restart of the demo server must not reload open pages: the chat reconnects by itself and
// keeps what was typed meanwhile. Vite's client reloads the page once its server answers again
// after a disconnect, but only after awaiting `vite:ws:disconnect` listeners: this one never
// settles, so that reload never comes (live updates stop until the next manual reload).
import.meta.hot?.on('vite:ws:disconnect', () => new Promise<void>(() => undefined));

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
