// -o go-template (and template, go-template-file, templatefile, --template): Go's text/template as
// kubectl runs it, compared with what kubectl v1.32 printed for the same objects without a server
// (fixtures/gen-template-output.mjs; templates over `get`'s lists are in getformats.test.ts).
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';
import golden from './fixtures/template-output.json';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

describe('-o go-template, as kubectl v1.32 runs it', () => {
  const h = new Home();
  let cwd = '';
  for (const [name, text] of Object.entries(golden.files as Record<string, string>)) cwd = path.dirname(h.file(name, text));
  afterAll(() => h.remove());

  for (const c of golden.cases as Case[]) {
    it(c.args.slice(c.args.indexOf('-o')).join(' '), () => {
      expect(h.run(c.args, { cwd })).toEqual({ code: c.code, stdout: c.stdout, stderr: c.stderr });
    });
  }
});
