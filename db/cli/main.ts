import { join, resolve } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseArgs } from './args';
import { clockFromFlags } from './clock-flags';
import { openStore, closeStore } from '../open';
import { createDispatcher, implementedMethods } from '../api/dispatcher';
import { loadSettings } from '../usecases/settings';
import { methods } from '../../shared/contract/methods';
import { isErrorResult } from '../../shared/contract/errors';
import { userDataDir } from '../paths';

const USAGE = `Uso:
  npx emdia methods
  npx emdia call <método> '<json>' | - | @arquivo.json --db <arquivo> [--today AAAA-MM-DD | --now AAAA-MM-DDTHH:MM]
  npx emdia batch --db <arquivo> [--today AAAA-MM-DD | --now AAAA-MM-DDTHH:MM]   (um { "method", "input" } por linha na entrada)
  npx emdia demo --db <arquivo> [--customers N] [--seed S] [--today AAAA-MM-DD]
  npx emdia check --db <arquivo>
  npx emdia web [--db <arquivo>] [--port N] [--today AAAA-MM-DD]`;

const dbPath = (flags: Record<string, string>): string => {
  if (flags.db && flags.db !== 'true') return resolve(flags.db);
  const dir = userDataDir();
  mkdirSync(dir, { recursive: true });
  return join(dir, 'emdia.db');
};

/** Exit codes (API.md): 0 ok, 2 for a refused call (bad input, not found, conflict…), 1 only for a bug. */
export async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [command, ...rest] = positional;
  try {
    switch (command) {
      case 'methods':
        console.log(JSON.stringify(implementedMethods().map((name) => ({ name, role: methods[name].role, input: z.toJSONSchema(methods[name].input) })), null, 2));
        return 0;
      case 'call':
        return callCommand(rest, flags);
      case 'batch': {
        const { batchCommand } = await import('./batch-command');
        return await batchCommand(dbPath(flags), flags); // awaited: a refusal before the first line (--today) lands in the catch below
      }
      case 'demo': {
        const { demoCommand } = await import('./demo-command');
        return demoCommand(dbPath(flags), flags);
      }
      case 'web': {
        const { webCommand } = await import('./web-command');
        return webCommand(dbPath(flags), flags);
      }
      case 'check': {
        const { checkCommand } = await import('./check-command');
        return checkCommand(dbPath(flags));
      }
      case 'bench': {
        const { benchCommand } = await import('./bench-command');
        return benchCommand(flags);
      }
      default:
        console.error(USAGE);
        return command ? 2 : 0;
    }
  } catch (e) {
    const kind = (e as { kind?: string }).kind;
    if (kind && kind !== 'internal') {
      console.error(JSON.stringify({ error: { kind, message: (e as Error).message, issues: [] } }, null, 2));
      return 2;
    }
    console.error(e);
    return 1;
  }
}

function callCommand(rest: string[], flags: Record<string, string>): number {
  const [method, json] = rest;
  if (!method) {
    console.error(USAGE);
    return 2;
  }
  let input: unknown = {};
  if (json !== undefined) {
    try {
      // '-' reads the JSON from standard input and '@file' from a file: a CSV import is too big for an argument.
      const text = json === '-' ? readFileSync(0, 'utf8') : json.startsWith('@') ? readFileSync(json.slice(1), 'utf8') : json;
      input = JSON.parse(text);
    } catch {
      console.log(JSON.stringify({ error: { kind: 'validation', message: 'O segundo argumento não é um JSON válido.', issues: [] } }, null, 2));
      return 2;
    }
  }
  const store = openStore(dbPath(flags));
  try {
    const clock = clockFromFlags(flags, () => loadSettings(store.db).store.timeZone);
    const { dispatch } = createDispatcher(store, clock);
    const result = dispatch(method, input, { transport: 'cli' });
    console.log(JSON.stringify(result, null, 2));
    if (isErrorResult(result)) return result.error.kind === 'internal' ? 1 : 2;
    return 0;
  } finally {
    closeStore(store);
  }
}
