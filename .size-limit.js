// Size budgets (min + gzip), enforced in CI by `pnpm size`. Only React and react-dom stay
// external: every other dependency (TanStack Query, zustand, ...) counts, as a consumer app pays
// for it. Code reached only through a dynamic `import()` (the export machinery with TanStack
// Query and papaparse, the lightbox) is a separate chunk in any app bundler and loads when an
// export, replay or lightbox starts, so it is left out; `pnpm bench size` weighs those chunks
// apart from a Vite build of bench/size/panel.ts.
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
const lazyChunks = {
  name: 'lazy-chunks-are-not-counted',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};
const esbuild = (config) => ({
  ...config,
  conditions: ['natter-source'],
  format: 'esm',
  plugins: [...(config.plugins ?? []), lazyChunks],
});

export default [
  {
    name: 'ChatProvider + ChatPanel, initial JS, every dependency but React and react-dom',
    path: 'bench/size/panel.ts',
    import: '*',
    ignore: peers,
    limit: '36 kB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...esbuild(config), loader: { '.css': 'empty' } }),
  },
  {
    name: '@natter/ui/styles.css',
    path: 'packages/ui/src/styles.css',
    limit: '5 kB',
    gzip: true,
    modifyEsbuildConfig: esbuild,
  },
  {
    name: '@natter/hooks (everything)',
    path: 'packages/hooks/src/index.ts',
    import: '*',
    ignore: peers,
    // + useChatPermissions, useParticipants and the meeting store (issue 11): 1.5 kB; + the
    // store's lazy history reading (issue 15), which every hook bundles with core: 0.7 kB; + neutralising the provider's dump on save (issue 12).
    // + useConversations and useUnreadCount (issue 11: private conversations, unread counts):
    // 0.6 kB. + the store's RawIndex (issue 15: 1.1 MB less heap at 100k messages): 0.35 kB.
    // + the id index built after the first paint (issue 15: 100k mount 145 -> 109 ms): 0.4 kB.
    limit: '14.85 kB',
    gzip: true,
    modifyEsbuildConfig: esbuild,
  },
  {
    name: '@natter/core store only (getChatStore)',
    path: 'packages/core/src/index.ts',
    import: '{ getChatStore }',
    // 7.5 kB until issue 15: reading history lazily (EntryMap, mergeHistory) added ~0.7 kB; a
    // send still queued past the timeout waits instead of failing into a double send (issue 12): 0.07 kB;
    // `addHistory` (issue 11: a private conversation's fetched history) 0.02 kB; the by-sender and
    // by-type lists built on first read (issue 15: 0.8 MB less heap at 100k messages) 0.16 kB;
    // RawIndex instead of a Map for the unread history (issue 15: 1.1 MB less heap at 100k) 0.55 kB;
    // its id index built after the first paint (issue 15: 100k mount 145 -> 109 ms) 0.41 kB.
    limit: '9.35 kB',
    gzip: true,
    modifyEsbuildConfig: esbuild,
  },
];
