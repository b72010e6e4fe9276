/**
 * Process boundaries (STYLE.md practice 1): the renderer talks to the backend only through `call`, and
 * shared/ is pure code every process can load.
 */
module.exports = {
  forbidden: [
    { name: 'renderer-not-to-db', severity: 'error', from: { path: '^renderer/' }, to: { path: '^db/' } },
    { name: 'renderer-not-to-electron', severity: 'error', from: { path: '^renderer/' }, to: { path: '^electron/' } },
    { name: 'shared-is-pure', severity: 'error', from: { path: '^shared/' }, to: { path: '^(db|electron|renderer)/' } },
    {
      name: 'shared-no-node-io',
      comment: 'shared/ runs in the sandboxed renderer too: no Node built-ins, no SQLite',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    { name: 'shared-no-sqlite', severity: 'error', from: { path: '^shared/' }, to: { path: 'node_modules/(better-sqlite3|drizzle-orm|electron)/' } },
    { name: 'db-not-to-ui', severity: 'error', from: { path: '^db/' }, to: { path: '^(electron|renderer)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|dist|dist-electron|test-results)/' },
  },
};
