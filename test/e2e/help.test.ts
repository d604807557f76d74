// --help, `kubectl help`, `kubectl options` and command groups run alone print kubectl v1.32's
// texts (recorded by scripts/gen-help.mjs); pocketkube's own commands have help of their own,
// in kubectl's layout, under the name pocketkube.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/cli/help/texts';
import { Home } from '../helpers/cli';

const h = new Home({ HOME: '/home/someone' });

describe('help', () => {
  it.each([
    [['--help'], ''],
    [['-h'], ''],
    [[], ''],
    [['get', '--help'], 'get'],
    [['get', 'pods', '-h'], 'get'],
    [['-n', 'x', 'get', '-h'], 'get'],
    [['config', 'view', '--help'], 'config view'],
    [['help', 'config', 'view'], 'config view'],
    [['rollout', 'status', '-h'], 'rollout status'],
    [['create', 'deployment', '-h'], 'create deployment'],
  ])('kubectl %j prints kubectl\'s text for "%s" and succeeds', (args, key) => {
    expect(h.run(args as string[])).toEqual({ stdout: TEXTS[key], stderr: '', code: 0 });
  });

  it('lists the plugins on PATH in the root\'s help, named by their first word, as kubectl does', () => {
    const dir = path.join(h.dir, 'plugins');
    fs.mkdirSync(dir, { recursive: true });
    for (const name of ['kubectl-foo_bar', 'kubectl-aa-bb', 'kubectl-averyveryverylongname']) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
    const out = h.run(['--help'], { env: { PATH: `${dir}:${process.env.PATH}` } }).stdout;
    expect(out).toContain(
      'Subcommands provided by plugins:\n' +
        '  aa            The command aa is a plugin installed by the user\n' +
        '  averyveryverylongname   The command averyveryverylongname is a plugin installed by the user\n' +
        '  foo-bar       The command foo-bar is a plugin installed by the user\n\nOther Commands:\n',
    );
  });

  it('kubectl options names $HOME in --cache-dir\'s default', () => {
    const r = h.run(['options']);
    expect(r.stdout).toContain("    --cache-dir='/home/someone/.kube/cache':\n\tDefault cache directory\n");
    expect(r.stdout.startsWith('The following options can be passed to any command:\n')).toBe(true);
  });

  it('help for an unknown topic prints the root usage to standard error and succeeds', () => {
    const r = h.run(['help', 'foo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Unknown help topic [\`foo\`]\n\n\n${TEXTS[''].slice(TEXTS[''].indexOf('Basic Commands'))}`);
  });

  it('a command group alone prints its help where kubectl does and fails', () => {
    expect(h.run(['config'])).toEqual({ stdout: '', stderr: TEXTS.config, code: 1 });
    expect(h.run(['set'])).toEqual({ stdout: '', stderr: TEXTS.set, code: 1 });
    expect(h.run(['rollout'])).toEqual({ stdout: TEXTS.rollout, stderr: '', code: 1 });
  });

  it('config verbs missing their names print their help as kubectl does', () => {
    expect(h.run(['config', 'delete-context'])).toEqual({ stdout: TEXTS['config delete-context'], stderr: '', code: 0 });
    expect(h.run(['config', 'set-cluster'])).toEqual({ stdout: TEXTS['config set-cluster'], stderr: 'error: Unexpected args: []\n', code: 1 });
    expect(h.run(['config', 'set-credentials'])).toEqual({ stdout: TEXTS['config set-credentials'], stderr: 'error: unexpected args: []\n', code: 1 });
  });

  it('pocketkube\'s own commands have their own help, named pocketkube', () => {
    const r = h.run(['clock', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Show or advance the simulated cluster clock/);
    expect(r.stdout).toContain('Usage:\n  pocketkube clock [command] [options]\n');
    expect(r.stdout).not.toContain('kubectl clock');
  });
});
