// Shell completion: `kubectl completion SHELL` prints kubectl v1.32's scripts, and the hidden
// `__complete` / `__completeNoDesc` verbs answer them as cobra does. Expected answers are real
// kubectl's (test/e2e/fixtures/gen-completion-output.mjs), over a cluster the fixture's steps
// make; a bash test drives the real bash script with `kubectl` on PATH running pocketkube.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, Home, WALLCLOCK, throwawayHomes } from '../helpers/cli';
import fixture from './fixtures/completion-output.json';

const home = throwawayHomes();

describe.sequential('__complete against kubectl v1.32', () => {
  let cluster: Home;
  beforeAll(() => {
    cluster = new Home();
    for (const s of fixture.setup) {
      const r = cluster.run(s.args, { input: s.input });
      if (r.code !== 0) throw new Error(`${s.args.join(' ')}: ${r.stderr}`);
    }
    return () => cluster.remove();
  });

  for (const c of fixture.cases) {
    it(`${c.mode}: __complete ${c.words.map((w) => (w === '' ? "''" : w)).join(' ')}`, () => {
      const r = cluster.run(['__complete', ...c.words]);
      // pocketkube's own commands follow kubectl's at the root (tested apart, below).
      const kubectls = r.stdout.split('\n').filter((l) => !/^[a-z]+\t.* \(pocketkube only\)$/.test(l)).join('\n');
      expect(kubectls).toBe(c.stdout);
      expect(r.stderr).toBe(c.stderr);
      expect(r.code).toBe(0);
    });
  }

  it('__completeNoDesc drops the descriptions', () => {
    const r = cluster.run(['__completeNoDesc', 'rollout', '']);
    expect(r.stdout).toBe('history\npause\nrestart\nresume\nstatus\nundo\n:4\n');
    expect(r.stderr).toBe('Completion ended with directive: ShellCompDirectiveNoFileComp\n');
  });
});

describe('pocketkube-only commands', () => {
  it('are listed after kubectl\'s, said to be pocketkube\'s', () => {
    const r = home().run(['__complete', '']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(lines.indexOf('wait\tExperimental: Wait for a specific condition on one or many resources') + 1)).toEqual([
      'addons\tEnable or disable optional cluster components (pocketkube only)',
      'clock\tShow or advance the simulated cluster clock (pocketkube only)',
      'kubeadm\tkubeadm on the simulated machines: init, join, reset, token, certs (pocketkube only)',
      'map\tDraw the cluster: nodes, their pods and the pods not scheduled (pocketkube only)',
      'node\tChange what a simulated node experiences (pocketkube only)',
      'shim\tWrite DIR/kubectl, a script that runs this pocketkube, for scripts that call kubectl (pocketkube only)',
      'store\tThe cluster\'s storage: check, backup, restore, encryption at rest (pocketkube only)',
      ':4',
      '',
    ]);
  });

  it('complete node names for the node commands', () => {
    const h = home();
    h.ok('get', 'nodes');
    expect(h.run(['__completeNoDesc', 'node', 'stop', '']).stdout).toBe('pocket-control-plane\npocket-worker\npocket-worker2\n:4\n');
  });

  it('complete their subcommands and flags', () => {
    const h = home();
    expect(h.run(['__completeNoDesc', 'clock', '']).stdout).toBe('advance\nshow\n:4\n');
    const flags = h.run(['__completeNoDesc', 'shim', '--f']).stdout;
    expect(flags).toBe('--force\n:4\n');
  });
});

describe('plugins', () => {
  it('are listed among kubectl\'s commands while the verb is completed, as kubectl v1.32 lists them', () => {
    const h = home();
    const dir = path.join(h.dir, 'files', 'plugins');
    fs.mkdirSync(dir, { recursive: true });
    for (const name of ['kubectl-hello_world-x', 'kubectl-zzz', 'kubectl-get']) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
    const lines = h.run(['__complete', ''], { env: { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` } }).stdout.split('\n');
    // Recorded from kubectl v1.32 with the same plugins on PATH.
    expect(lines.slice(24, 28)).toEqual([
      'get\tDisplay one or many resources',
      'hello-world\tThe command hello-world is a plugin installed by the user',
      'help\tHelp about any command',
      'kustomize\tBuild a kustomization target from a directory or URL',
    ]);
    expect(lines[45]).toBe('zzz\tThe command zzz is a plugin installed by the user');
    expect(lines[46]).toBe('addons\tEnable or disable optional cluster components (pocketkube only)');
  });
});

describe('completion is read-only', () => {
  it('leaves an empty home empty, and answers what needs no cluster', () => {
    const h = home();
    expect(h.run(['__complete', 'get', 'pods', '']).stdout).toBe(':4\n');
    expect(h.run(['__complete', 'get', '']).stdout).toBe(':4\n');
    expect(h.run(['__completeNoDesc', 'ge']).stdout).toBe('get\n:4\n');
    expect(fs.readdirSync(h.dir)).toEqual([]);
  });

  it('never writes the home, even when the cluster has work due', () => {
    const h = home();
    h.ok('run', 'solo', '--image=busybox');
    h.ok('create', 'deployment', 'web', '--image=nginx');
    // An hour later the crash-looping pod's restarts are due: a read would converge and save.
    const later = { env: { POCKETKUBE_WALLCLOCK: '2026-11-26T13:00:00Z' } };
    const before = homeBytes(h.dir);
    expect(h.run(['__completeNoDesc', 'get', 'deploy', ''], later).stdout).toBe('web\n:4\n');
    expect(h.run(['__completeNoDesc', 'get', 'pods', 's'], later).stdout).toBe('solo\n:4\n');
    expect(h.run(['__completeNoDesc', 'config', 'use-context', ''], later).stdout).toBe('kubernetes-admin@kubernetes\n:4\n');
    expect(homeBytes(h.dir)).toEqual(before);
    h.run(['get', 'pods'], later);
    expect(homeBytes(h.dir)).not.toEqual(before);
  });
});

/** Every file of the home (names and bytes), in name order. */
function homeBytes(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => `${f}\n${fs.readFileSync(path.join(dir, f), 'base64')}`);
}

describe('kubectl completion', () => {
  const RECORDED = (shell: string) => spawnSync('kubectl', ['completion', shell], { encoding: 'utf8' }).stdout;

  it.each(['bash', 'zsh', 'fish', 'powershell'])('prints kubectl\'s %s script', (shell) => {
    const r = home().run(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1000);
    expect(r.stdout).toContain('__complete');
    if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0) expect(r.stdout).toBe(RECORDED(shell));
  });

  it.each([
    [[], 'error: Shell not specified.\nSee \'kubectl completion -h\' for help and examples\n'],
    [['foo'], 'error: Unsupported shell type "foo".\nSee \'kubectl completion -h\' for help and examples\n'],
    [['bash', 'zsh'], 'error: Too many arguments. Expected only the shell type.\nSee \'kubectl completion -h\' for help and examples\n'],
  ])('refuses %j as kubectl does', (args, stderr) => {
    const r = home().run(['completion', ...args]);
    expect(r).toEqual({ stdout: '', stderr, code: 1 });
  });
});

describe('the bash script, for real', () => {
  /** Runs bash with the script sourced and `kubectl` on PATH running pocketkube in the home. */
  function tab(h: Home, line: string): string[] {
    const dir = path.join(h.dir, 'files', 'bin');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kubectl'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
    const words = line.split(' ');
    const script = [
      // cobra's v2 script needs bash-completion's _get_comp_words_by_ref: the real one where it
      // is installed, else the little of it the script uses (the words as COMP_WORDS has them).
      'if [ -f /usr/share/bash-completion/bash_completion ]; then source /usr/share/bash-completion/bash_completion; fi',
      'if ! declare -F _get_comp_words_by_ref >/dev/null; then',
      '  _get_comp_words_by_ref() {',
      '    while [ $# -gt 0 ]; do',
      '      case $1 in',
      '        -n) shift 2 ;;',
      '        cur) cur=${COMP_WORDS[COMP_CWORD]}; shift ;;',
      '        prev) prev=${COMP_WORDS[COMP_CWORD-1]}; shift ;;',
      '        words) words=("${COMP_WORDS[@]}"); shift ;;',
      '        cword) cword=$COMP_CWORD; shift ;;',
      '        *) shift ;;',
      '      esac',
      '    done',
      '  }',
      'fi',
      'source <(kubectl completion bash)',
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      `COMP_LINE='${line}'`,
      'COMP_POINT=${#COMP_LINE}',
      '__start_kubectl',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = spawnSync('bash', ['-c', script], {
      env: { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, POCKETKUBE_HOME: h.dir, POCKETKUBE_WALLCLOCK: WALLCLOCK, TZ: 'UTC', HOME: h.dir },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.split('\n').filter((l) => l !== '');
  }

  it('completes verbs, types and names', () => {
    const h = home();
    h.ok('run', 'solo', '--image=nginx');
    h.ok('run', 'second', '--image=nginx');
    expect(tab(h, 'kubectl ge')).toEqual(['get']);
    expect(tab(h, 'kubectl get po')).toEqual(['pods', 'poddisruptionbudgets.policy']);
    expect(tab(h, 'kubectl get pods/s')).toEqual(['pods/second', 'pods/solo']);
    expect(tab(h, 'kubectl get pods s')).toEqual(['second', 'solo']);
    expect(tab(h, 'kubectl logs so')).toEqual(['solo']);
    expect(tab(h, 'kubectl -n kube-sy')).toEqual(['kube-system']);
  });
});
