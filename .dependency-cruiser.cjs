/**
 * The layering, as a test (`npm run lint:deps`, part of `npm test`). The pure pipeline (what the
 * command line and the analyser share) reads nothing of transport, storage, the page side or the
 * extension APIs; product code reads no tests; nothing imports in a circle.
 */
const PURE =
  '^lib/(analysis|anchor|compare|demands|export|extract|layout|lexicon|match|summary|text)/|^lib/(timing|slices)\\.ts$|^lib/history/record\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules that import each other in a circle.', from: {}, to: { circular: true } },
    {
      name: 'pure-pipeline',
      severity: 'error',
      comment: 'The pure pipeline runs in Node (the command line) and in the analyser: no transport, storage, page side or extension API.',
      from: { path: PURE },
      to: {
        path: '^lib/(runtime|page|paint|history|cli)/|^lib/(storage|quota|always-on|i18n)\\.ts$|^entrypoints/|^components/|^node_modules/(wxt|@wxt-dev|webextension-polyfill)/',
        // What history keeps of an analysis is made from the analysis alone, here and on the command line.
        pathNot: '^lib/history/record\\.ts$',
      },
    },
    {
      name: 'lib-not-ui',
      severity: 'error',
      comment: 'lib/ is what the entrypoints and components use, never the reverse.',
      from: { path: '^lib/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'transport-not-page',
      severity: 'error',
      comment: 'The page side uses the transport; the transport knows nothing of the page side.',
      from: { path: '^lib/runtime/' },
      to: { path: '^lib/page/' },
    },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'Product code never reads tests or their fixtures.',
      from: { path: '^(lib|entrypoints|components)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
