// The build's identity: a hash of everything the bundle is made from (run from the repository's
// root). The default cluster's template names it, so a template is only ever used by the bundle
// it was made with, and the tests' global setup rebuilds when dist/ was made from other sources.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function buildIdentity() {
  const h = createHash('sha256');
  const add = (file) => h.update(`${file}\0`).update(fs.readFileSync(file)).update('\0');
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : add(path.join(dir, e.name))));
  walk('src');
  for (const f of ['package-lock.json', 'scripts/build.mjs', 'scripts/build-identity.mjs', 'scripts/gen-bootstrap-template.ts', 'scripts/gen-p256-base.ts']) add(f);
  return h.digest('hex').slice(0, 32);
}
