import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '@natter/ui/styles.css';
import './preview.css';
import { withNatter } from '../apps/storybook/stories/decorators';

const preview: Preview = {
  decorators: [withNatter],
  loaders: [mswLoader()],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    locale: {
      description: 'Strings and Intl locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: ['en', 'fr', 'de', 'es', 'pt', 'ja', 'zh', 'ar', 'he'],
        dynamicTitle: true,
      },
    },
    layout: {
      description: 'Message layout: one column, or own messages on the other side',
      toolbar: { title: 'Layout', icon: 'comment', items: ['list', 'bubbles'], dynamicTitle: true },
    },
    participants: {
      description: 'Simulated participants',
      toolbar: { title: 'People', icon: 'users', items: ['1', '2', '4', '6'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', locale: 'en', layout: 'list', participants: '4' },
  parameters: {
    layout: 'fullscreen',
    // An axe violation fails the story's test (Vitest browser mode), not just the panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: { storySort: { order: ['Getting started', 'Components', 'Hooks', 'Meeting'] } },
  },
};

export default preview;
