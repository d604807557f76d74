// kubectl's plugins: `plugin list` with kubectl's warnings, and kubectl-<name> executables run for
// command lines whose first words name no command (texts as kubectl v1.32 prints them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

describe('kubectl plugins', () => {
  const h = new Home();
  const a = path.join(h.dir, 'plugins-a');
  const b = path.join(h.dir, 'plugins-b');
  const script = (dir: string, name: string, body: string, mode = 0o755) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode });
  };
  const env = (dirs: string[]) => ({ PATH: [...dirs, ...(process.env.PATH ?? '').split(path.delimiter)].join(path.delimiter) });
  beforeAll(() => {
    script(a, 'kubectl-foo', 'echo "foo: $@"\nexit 3');
    script(a, 'kubectl-foo-bar', 'echo "foo-bar: $@"');
    script(a, 'kubectl-under_score', 'echo "under: $@"');
    script(b, 'kubectl-foo', 'echo "shadowed"');
    script(b, 'kubectl-get', 'echo "never run"');
    script(b, 'kubectl-noexec', 'echo x', 0o644);
    script(b, 'kubectl-create-thing', 'echo "thing: $@"');
  });
  afterAll(() => h.remove());

  it('lists the plugins on PATH, warning as kubectl warns', () => {
    expect(h.run(['plugin', 'list'], { env: env([a, b]) })).toEqual({
      code: 1,
      stdout: ['The following compatible plugins are available:', '', `${a}/kubectl-foo`, `${a}/kubectl-foo-bar`, `${a}/kubectl-under_score`, `${b}/kubectl-create-thing`, `${b}/kubectl-foo`, `${b}/kubectl-get`, `${b}/kubectl-noexec`, ''].join('\n'),
      stderr: [
        '  - warning: kubectl-create-thing overwrites existing command: "kubectl create"',
        `  - warning: ${b}/kubectl-foo is overshadowed by a similarly named plugin: ${a}/kubectl-foo`,
        '  - warning: kubectl-get overwrites existing command: "kubectl get"',
        `  - warning: ${b}/kubectl-noexec identified as a kubectl plugin, but it is not executable`,
        'error: 4 plugin warnings were found',
        '',
      ].join('\n'),
    });
    expect(h.run(['plugin', 'list', '--name-only'], { env: env([a]) })).toEqual({
      code: 0,
      stdout: 'The following compatible plugins are available:\n\nkubectl-foo\nkubectl-foo-bar\nkubectl-under_score\n',
      stderr: '',
    });
    expect(h.run(['plugin', 'list'], { env: { PATH: path.dirname(process.execPath) } })).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find any kubectl plugins in your PATH\n' });
  });

  it('runs the longest-named plugin for words that name no command, passing its exit code', () => {
    expect(h.run(['foo', 'a', 'b'], { env: env([a, b]) })).toEqual({ code: 3, stdout: 'foo: a b\n', stderr: '' });
    expect(h.run(['foo', 'bar', 'baz', '-x'], { env: env([a]) })).toEqual({ code: 0, stdout: 'foo-bar: baz -x\n', stderr: '' });
    expect(h.run(['foo', '-x', 'bar'], { env: env([a]) }).stdout).toBe('foo: -x bar\n');
    expect(h.run(['under-score', 'q'], { env: env([a]) }).stdout).toBe('under: q\n');
    expect(h.run(['create', 'thing', 'x'], { env: env([b]) })).toEqual({ code: 0, stdout: 'thing: x\n', stderr: '' });
    expect(h.run(['-n', 'x', 'foo'], { env: env([a]) })).toEqual({ code: 1, stdout: '', stderr: 'Error: flags cannot be placed before plugin name: -n\n' });
  });

  it('prints kubectl\'s help for `plugin` alone, on standard error', () => {
    expect(h.run(['plugin'])).toEqual({ code: 1, stdout: '', stderr: fs.readFileSync(path.join(__dirname, 'fixtures', 'help-plugin.txt'), 'utf8') });
  });

  it('never lets a plugin replace a command', () => {
    expect(h.run(['get', 'ns', '-o', 'name'], { env: env([b]) }).stdout).toBe('namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
    expect(h.run(['nope'], { env: env([a]) }).stderr).toMatch(/^Error: unknown command "nope" for "kubectl"\n/);
  });
});
