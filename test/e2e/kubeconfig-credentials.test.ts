// config set-credentials as kubectl v1.32 runs it: the exec plugin and auth provider flags (what
// they write, in client-go's struct shapes: `args: null`, `env: []`, `provideClusterInfo: false`),
// removal with `key-`, StringSlice flags read as CSV, the errors and their order (complete's
// print the help first), file paths written relative to the kubeconfig, hand-written files read
// as Go decodes them (defaults included), and how `config view` prints all that. Each scenario's
// steps, outputs and files were recorded from kubectl by fixtures/gen-credentials-output.mjs;
// here pocketkube replays them on the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';
import golden from './fixtures/credentials-output.json';

interface Step {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
  file: string | null;
}

interface Scenario {
  init?: string;
  files?: Record<string, string>;
  steps: Step[];
}

const scenarios = golden as Record<string, Scenario>;
const newHome = throwawayHomes();

describe('config set-credentials, replayed from kubectl', () => {
  for (const [name, s] of Object.entries(scenarios)) {
    it(name, () => {
      const h = newHome();
      const dir = path.join(h.dir, 'case');
      const file = path.join(dir, 'kube', 'config');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (s.init) fs.writeFileSync(file, s.init);
      for (const [f, text] of Object.entries(s.files ?? {})) fs.writeFileSync(path.join(dir, f), text);
      const sub = (t: string) => t.split(dir).join('${DIR}');
      for (const step of s.steps) {
        const r = h.run([...step.args, '--kubeconfig', file], { cwd: dir });
        const got = { stdout: sub(r.stdout), stderr: sub(r.stderr), code: r.code, file: fs.existsSync(file) ? sub(fs.readFileSync(file, 'utf8')) : null };
        expect({ args: step.args, ...got }).toEqual(step);
      }
    });
  }
});

describe("pocketkube's own kubeconfig (JSON)", () => {
  it('keeps exec and auth-provider stanzas, keys like __proto__ included, and prints them as kubectl does', () => {
    const h = newHome();
    const keys = scenarios.keys.steps;
    for (const step of keys.slice(0, 2)) expect(h.run(step.args)).toEqual({ stdout: step.stdout, stderr: step.stderr, code: step.code });
    const view = (out: string) => (JSON.parse(out).users as { name: string }[]).find((u) => u.name === 'u');
    expect(view(h.ok('config', 'view', '-o', 'json'))).toEqual(view(keys[2].stdout));
    // The home's file stays JSON and holds the keys as data.
    const stored = JSON.parse(fs.readFileSync(path.join(h.dir, 'config'), 'utf8'));
    const user = stored.users.find((u: { name: string }) => u.name === 'u').user;
    expect(Object.keys(user['auth-provider'].config)).toEqual(['constructor']);
    expect(user.exec.env).toEqual([
      { name: '__proto__', value: 'z' },
      { name: 'toString', value: '1' },
    ]);
  });
});

describe('config set on the exec and auth-provider stanzas', () => {
  it('refuses a value for the stanza itself as kubectl does (a panic, exit 2, nothing written)', () => {
    const h = newHome();
    const file = path.join(h.dir, 'kube', 'config');
    for (const stanza of ['exec', 'auth-provider']) {
      const r = h.run(['config', 'set', `users.u.${stanza}`, 'x', '--kubeconfig', file]);
      // kubectl's goroutine trace follows this line; its addresses cannot be recorded.
      expect(r.stderr).toBe('panic: unrecognized type: <nil>\n');
      expect(r.code).toBe(2);
      expect(fs.existsSync(file)).toBe(false);
    }
  });
});
