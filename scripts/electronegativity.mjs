// Security lint of the desktop host: runs Electronegativity over electron/ as Electron 41.7.1, offline, and
// fails (exit 1) on any HIGH or MEDIUM finding and on any "review required" finding (tentative certainty),
// unless the flagged line or the line above it carries `electronegativity-justified: <reason>`.
// Usage: node scripts/electronegativity.mjs [folder]   (default: electron/)
//
// Offline on purpose: the tool fetches translations from S3 and Electron's release list from GitHub, with
// retries (about 10 s of waiting without internet, and no bound when a firewall drops packets). We hand it
// a stand-in for its HTTP client that fails at once; it then falls back to its bundled English texts and
// release list. We call its programmatic API (the same options as the CLI: -i electron -e 41.7.1) to get
// findings as objects instead of parsing its CSV.
import fs from 'node:fs';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(process.argv[2] ?? path.join(root, 'electron'));
const ELECTRON_VERSION = '41.7.1';
const JUSTIFIED = /electronegativity-justified:\s*\S/;

const toolRequire = createRequire(path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));

function goOffline() {
  const offline = () => Promise.reject(new Error('offline by design (scripts/electronegativity.mjs)'));
  const got = Object.assign(offline, { head: offline, stream: offline, get: offline });
  got.default = got;
  const file = toolRequire.resolve('got');
  const stub = new Module(file);
  Object.assign(stub, { filename: file, loaded: true, exports: got });
  toolRequire.cache[file] = stub;
}

function isJustified(file, line) {
  if (!file || file === 'N/A' || !fs.existsSync(file)) return false;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return [line - 1, line - 2].some((i) => i >= 0 && JUSTIFIED.test(lines[i] ?? ''));
}

async function main() {
  const started = Date.now();
  goOffline();
  process.env.LANG = 'en-US'; // the tool picks its message language from LANG
  const runner = toolRequire('./dist/runner.js');
  const run = typeof runner === 'function' ? runner : runner.default;
  // The tool prints notices about the unreachable network through console.log; they are expected here.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run({ input, electronVersionOverride: ELECTRON_VERSION, isRelative: false, parserPlugins: [] });
  } finally {
    console.log = log;
  }

  const rows = result.issues.map((i) => {
    const mustPass = i.severity.value >= 2 || i.manualReview || i.confidence.name === 'TENTATIVE';
    const justified = isJustified(i.file, i.location.line);
    return {
      status: !mustPass ? 'info' : justified ? 'justified' : 'FAIL',
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name + (i.manualReview ? ' (review)' : ''),
      where: `${i.file === 'N/A' ? 'N/A' : path.relative(root, i.file)}:${i.location.line}`,
    };
  });
  for (const e of result.errors.filter((e) => !e.tolerable)) {
    rows.push({ status: 'FAIL', id: 'PARSE_ERROR', severity: '-', confidence: '-', where: path.relative(root, e.file) });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Electronegativity on ${path.relative(root, input) || '.'}/ (Electron ${ELECTRON_VERSION}, offline): ${rows.length} finding(s), ${seconds} s`);
  if (rows.length) console.table(rows);
  const failed = rows.filter((r) => r.status === 'FAIL');
  if (failed.length) {
    console.error(
      `${failed.length} finding(s) need a fix, or a comment "electronegativity-justified: <reason>" on the flagged line or the line above.`,
    );
    process.exit(1);
  }
}

main().catch((e) => {
  console.error('Electronegativity could not run:', e instanceof Error ? e.message : e);
  process.exit(2);
});
