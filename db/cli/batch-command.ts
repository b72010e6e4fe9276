import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { openStore, closeStore } from '../open';
import { createDispatcher } from '../api/dispatcher';
import { loadSettings } from '../usecases/settings';
import { clockFromFlags } from './clock-flags';
import type { ApiErrorBody } from '../../shared/contract/errors';

const refused = (message: string, path: string): { error: ApiErrorBody } => ({ error: { kind: 'validation', message, issues: [{ path, message }] } });

/**
 * `npx emdia batch --db F [--today D | --now T]` (API.md): many calls in one run, for store IT scripts that
 * would otherwise start the CLI once per call. One `{ "method", "input" }` JSON per line on stdin, one result or
 * error object per line on stdout, in order, each call in its own transaction (a refused line changes nothing
 * and the next line still runs). A line that is not JSON gets an error object too. Blank lines are skipped.
 * Exit 0 once every line was answered.
 */
export async function batchCommand(file: string, flags: Record<string, string>, input: Readable = process.stdin, output: Writable = process.stdout): Promise<number> {
  const store = openStore(file);
  try {
    const clock = clockFromFlags(flags, () => loadSettings(store.db).store.timeZone);
    const { dispatch } = createDispatcher(store, clock);
    let lineNo = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      output.write(JSON.stringify(answer(line, lineNo, dispatch)) + '\n');
    }
    return 0;
  } finally {
    closeStore(store);
  }
}

function answer(line: string, lineNo: number, dispatch: ReturnType<typeof createDispatcher>['dispatch']): unknown {
  let call: unknown;
  try {
    call = JSON.parse(line);
  } catch {
    return refused(`A linha ${lineNo} não é um JSON válido.`, 'line');
  }
  if (typeof call !== 'object' || call === null || Array.isArray(call) || typeof (call as { method?: unknown }).method !== 'string') {
    return refused(`A linha ${lineNo} precisa ser um objeto { "method": "…", "input": { … } }.`, 'method');
  }
  const { method, input } = call as { method: string; input?: unknown };
  return dispatch(method, input ?? {}, { transport: 'cli' });
}
