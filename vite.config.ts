import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The renderer is built once and served both by Electron (file://) and by browser mode (http on loopback),
// so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Set on purpose: the one chunk above Vite's 500 kB is `holidays` (≈ 960 kB minified, 125 kB gzipped), lazy
    // and not splittable (date-holidays keeps every country's rules in one module). The limit sits just above
    // it, so anything else that grows that big still warns. The first download has its own budget (≤ 400 KB
    // gzipped for the scripts index.html loads, issue 8 item 7), measured on dist/renderer/assets.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Issue 8 item 7: the libraries the first screen needs go in chunks of their own (React, Mantine), so no
        // chunk passes Vite's 500 kB warning — `npm run web` prints the build's output to the owner, and that
        // English warning is tool noise there. Recharts is not listed: only Painel's lazy import() reaches it,
        // and Rolldown then keeps it in the Painel chunk, downloaded when Painel first opens.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 1 },
            // Brazil's holidays (date-holidays ships every country's rules, with moment): only the formal path's
            // business-day deadlines use them, behind Painel's lazy import.
            { name: 'holidays', test: /node_modules[\\/](date-holidays[^\\/]*|date-bengali-revised|date-chinese|date-easter|moment[^\\/]*|astronomia|caldate|jalaali-js)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
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
