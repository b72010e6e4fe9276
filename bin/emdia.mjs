#!/usr/bin/env node
// Entry for `npx emdia …` and `npm run web`: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../db/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
