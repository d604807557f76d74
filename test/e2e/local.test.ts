// Commands kubectl runs without a server (--local, --dry-run=client), compared with kubectl v1.32's
// own output recorded by fixtures/gen-local-output.mjs: the objects as kubectl holds them (typed
// structs print the fields Go always writes, -o json in struct order; a local object keeps the
// namespace its file has).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';
import golden from './fixtures/local-output.json';

describe('output of local commands matches kubectl', () => {
  const h = new Home();
  afterAll(() => h.remove());
  const dir = path.dirname(h.file('.keep', ''));
  for (const [name, text] of Object.entries(golden.files)) fs.writeFileSync(path.join(dir, name), text);

  for (const c of golden.cases) {
    it(c.args.join(' '), () => {
      const r = h.run(c.args, { cwd: dir });
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});
