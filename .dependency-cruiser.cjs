// The import graph of the published packages (`pnpm lint` runs this after ESLint): no module may
// reach itself through its imports, type-only imports included (issue 14: the store and its
// actions once imported each other). Tests may import anything.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: move what both sides need into a module of its own.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    exclude: { path: ['\\.test\\.tsx?$', '\\.test-d\\.tsx?$', '/node_modules/', '/dist/'] },
    doNotFollow: { path: 'node_modules' },
  },
};
