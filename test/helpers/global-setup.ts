// Before any test: dist/ must be the build of the sources under test. `npm test` builds first;
// a test file run alone (`npx vitest run FILE -t CASE`) gets the build here when dist/ was made
// from other sources, so no test ever runs a stale bundle.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function builtIdentity(): string | undefined {
  try {
    const head = fs.readFileSync(path.join(ROOT, 'dist', 'bootstrap-template.json'), 'utf8').slice(0, 200);
    return /"build":"([0-9a-f]+)"/.exec(head)?.[1];
  } catch {
    return undefined;
  }
}

export default async function setup(): Promise<void> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { buildIdentity } = (await import(path.join(ROOT, 'scripts', 'build-identity.mjs'))) as { buildIdentity: () => string };
    if (builtIdentity() === buildIdentity()) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('the build failed: no test runs against a stale bundle');
  } finally {
    process.chdir(cwd);
  }
}
