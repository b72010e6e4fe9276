import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The renderer is built once and served both by Electron (file://) and by browser mode (http on loopback),
// so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'shared/**/*.test.ts', 'db/**/*.test.ts', 'renderer/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
