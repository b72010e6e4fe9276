import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// Runs dependency-cruiser with the project's rules; the second case proves the rules can fail.
function cruise(cwd: string, dirs: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [join(process.cwd(), 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...dirs], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('import boundaries', () => {
  it('renderer never imports db/ or electron/, shared/ imports neither nor renderer/', () => {
    const r = cruise(process.cwd(), ['renderer', 'shared', 'db', 'electron']);
    expect(r.out).not.toMatch(/error/i);
    expect(r.code).toBe(0);
  }, 120_000);

  it('flags a renderer file that reaches into db/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emdia-bounds-'));
    cpSync('.dependency-cruiser.cjs', join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(join(dir, 'tsconfig.json'), '{"compilerOptions":{"module":"ESNext","moduleResolution":"Bundler"}}');
    for (const d of ['renderer', 'db', 'shared']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'db/store.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'shared/pure.ts'), "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n");
    writeFileSync(join(dir, 'renderer/screen.ts'), "import { x } from '../db/store';\nexport const z = x;\n");
    const r = cruise(dir, ['renderer', 'shared', 'db']);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('renderer-not-to-db');
    expect(r.out).toContain('shared-no-node-io');
  }, 120_000);
});
