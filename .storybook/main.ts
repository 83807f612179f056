import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

/** Stories live in apps/storybook and import only the packages' public entry points. */
const config: StorybookConfig = {
  stories: [
    '../apps/storybook/stories/**/*.mdx',
    '../apps/storybook/stories/**/*.stories.@(ts|tsx)',
  ],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../apps/storybook/public'],
  core: { disableTelemetry: true },
  // Storybook's own "get started with Storybook" checklist (sidebar and menu) is for people
  // writing stories, not for people learning the kit: "Getting started" is ours.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal(viteConfig) {
    // Source-first: workspace packages resolve to their src, so nothing waits for a build.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['natter-source', ...defaultClientConditions],
    };
    return viteConfig;
  },
};

export default config;
