// create --edit (each object of the files in the editor before it is created), --windows-line-endings
// (the editor's file written with CRLF), and edit --subresource=status (the status patched alone).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\ndata:\n  a: "1"\n';
const newHome = throwawayHomes();


/** An editor that keeps a copy of what it was shown, then runs `script` on the file. */
function editor(h: Home, script: string): { path: string; seen: () => string } {
  const seen = path.join(h.dir, 'seen.txt');
  const f = h.file('editor.sh', `#!/bin/sh\ncp "$1" ${seen}\n${script}\n`);
  fs.chmodSync(f, 0o755);
  return { path: f, seen: () => fs.readFileSync(seen, 'utf8') };
}

describe('kubectl create --edit', () => {
  it('shows each object under edit’s header and creates what was saved', () => {
    const h = newHome();
    const ed = editor(h, `sed -i 's/a: "1"/a: "2"/' "$1"`);
    const file = h.file('cm.yaml', CM);
    expect(h.run(['create', '--edit', '-f', file], { env: { KUBE_EDITOR: ed.path } })).toEqual({ code: 0, stdout: 'configmap/c1 created\n', stderr: '' });
    expect(ed.seen()).toBe(`${HEADER}apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: c1\n  namespace: default\n`);
    expect(h.ok('get', 'cm', 'c1', '-o', 'jsonpath={.data.a}')).toBe('2');
  });

  it('creates nothing when nothing was changed, and refuses --raw beside it', () => {
    const h = newHome();
    const file = h.file('cm.yaml', CM);
    expect(h.run(['create', '--edit', '-f', file], { env: { KUBE_EDITOR: 'true' } })).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    expect(h.run(['get', 'cm', 'c1']).code).toBe(1);
    expect(h.run(['create', '--edit', '--raw', '/api/v1/namespaces/default/configmaps', '-f', file]).stderr).toBe('error: --raw and --edit are mutually exclusive\n');
  });

  it('ignores --windows-line-endings and -l, as kubectl v1.32’s edit-on-create does', () => {
    const h = newHome();
    const ed = editor(h, `sed -i 's/a: "1"/a: "3"/' "$1"`);
    const r = h.run(['create', '--edit', '--windows-line-endings', '-l', 'nothing=matches', '-f', h.file('cm.yaml', CM)], { env: { KUBE_EDITOR: ed.path } });
    expect(r.stdout).toBe('configmap/c1 created\n');
    expect(ed.seen()).toBe(`${HEADER}apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: c1\n  namespace: default\n`);
    expect(h.ok('get', 'cm', 'c1', '-o', 'jsonpath={.data.a}')).toBe('3');
  });

  it('prints the server’s warnings about what it created (and --warnings-as-errors counts them)', () => {
    const h = newHome();
    const ed = editor(h, `sed -i 's/^data:/bogus: 1\\ndata:/' "$1"`);
    const r = h.run(['create', '--edit', '--validate=warn', '--warnings-as-errors', '-f', h.file('cm.yaml', CM)], { env: { KUBE_EDITOR: ed.path } });
    expect(r).toEqual({ code: 1, stdout: 'configmap/c1 created\n', stderr: 'Warning: unknown field "bogus"\nerror: 1 warning received\n' });
  });
});

describe('kubectl edit --windows-line-endings', () => {
  it('writes the editor’s file with CRLF and still reads it back', () => {
    const h = newHome();
    h.ok('create', '-f', h.file('cm.yaml', CM));
    const ed = editor(h, `sed -i 's/a: "1"/a: "3"/' "$1"`);
    expect(h.run(['edit', 'cm', 'c1', '--windows-line-endings'], { env: { KUBE_EDITOR: ed.path } }).stdout).toBe('configmap/c1 edited\n');
    expect(ed.seen().startsWith(HEADER.replace(/\n/g, '\r\n'))).toBe(true);
    expect(ed.seen()).toContain('data:\r\n  a: "1"\r\n');
    expect(h.ok('get', 'cm', 'c1', '-o', 'jsonpath={.data.a}')).toBe('3');
  });
});

describe('kubectl edit --subresource', () => {
  it('patches the status alone with status, and gets the server’s 404 for another', () => {
    const h = newHome();
    h.ok('create', 'namespace', 'team');
    const ed = editor(h, `sed -i -e 's/phase: Active/phase: Terminating/' -e 's/- kubernetes$/- example.com\\/other/' "$1"`);
    expect(h.run(['edit', 'namespace', 'team', '--subresource=status'], { env: { KUBE_EDITOR: ed.path } })).toEqual({ code: 0, stdout: 'namespace/team edited\n', stderr: '' });
    // The status changed; the finalizers edited beside it (the spec) did not.
    expect(ed.seen()).toContain('  finalizers:\n  - kubernetes\nstatus:\n  phase: Active\n');
    expect(h.ok('get', 'namespace', 'team', '-o', 'jsonpath={.status.phase} {.spec.finalizers}')).toBe('Terminating ["kubernetes"]');
    expect(h.run(['edit', 'namespace', 'team', '--subresource=foo'], { env: { KUBE_EDITOR: 'true' } })).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n' });
  });
});
