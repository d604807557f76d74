// Kubeconfig files kubectl cannot load (YAML 1.1 booleans and numbers where strings belong,
// values of the wrong shape, apiVersion and kind, several files) as every kind of command meets
// them, and the config verbs given arguments they do not take: compared with kubectl v1.32's own
// output, and the files as it left them, recorded by fixtures/gen-kubeconfig-errors.mjs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';
import golden from './fixtures/kubeconfig-errors.json';

describe('kubeconfig files as kubectl loads them', () => {
  const h = new Home();
  afterAll(() => h.remove());

  golden.cases.forEach((c, i) => {
    it(`${c.name} (${c.args.join(' ')})`, () => {
      const dir = path.join(h.dir, 'cases', String(i));
      fs.mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(c.files)) fs.writeFileSync(path.join(dir, file), text as string);
      const subst = (s: string) => s.split('$DIR').join(dir);
      const env: Record<string, string> = c.kubeconfig.length ? { KUBECONFIG: c.kubeconfig.map((f) => path.join(dir, f)).join(':') } : {};
      const r = h.run(c.args.map(subst), { cwd: dir, env });
      const after: Record<string, string> = {};
      for (const file of fs.readdirSync(dir).sort()) after[file] = fs.readFileSync(path.join(dir, file), 'utf8').split(dir).join('$DIR');
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code, after }).toEqual({ stdout: subst(c.stdout), stderr: subst(c.stderr), code: c.code, after: c.after });
    });
  });
});
