// Errors kubectl gives before it reaches a server (create configmap's sources, set without
// arguments, config verbs given too many, options' help, a --help value that is no boolean),
// compared with kubectl v1.32's own output recorded by fixtures/gen-client-errors.mjs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';
import golden from './fixtures/client-errors.json';

describe('errors kubectl gives without a server', () => {
  const h = new Home();
  afterAll(() => h.remove());
  const dir = path.dirname(h.file('.keep', ''));
  for (const [name, text] of Object.entries(golden.files)) fs.writeFileSync(path.join(dir, name), text);
  for (const [name, b64] of Object.entries(golden.binary)) fs.writeFileSync(path.join(dir, name), Buffer.from(b64, 'base64'));

  for (const c of golden.cases) {
    it(JSON.stringify(c.args), () => {
      const r = h.run(c.args, { cwd: dir });
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});
