// kubectl's global flags on every command: each is accepted (transport, klog and profiling ones
// change nothing in process), and --warnings-as-errors fails a command the API server warned.
import { afterAll, describe, expect, it } from 'vitest';
import { GLOBAL } from '../../src/cli/completion/tree';
import { Home } from '../helpers/cli';

/** A value each global flag takes on a command line (booleans as --flag=false too). */
const VALUES: Record<string, string> = {
  'log-flush-frequency': '5s',
  'request-timeout': '30s',
  v: '0',
  profile: 'none',
  vmodule: 'pods*=2',
  namespace: 'default',
};

describe('kubectl global flags', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('are accepted by every command, as kubectl v1.32 declares them', () => {
    const flags = GLOBAL.filter(([name]) => !['context', 'cluster', 'user', 'server', 'token', 'kubeconfig', 'as', 'as-group'].includes(name));
    expect(flags.length).toBeGreaterThan(15);
    const args = flags.map(([name, , kind]) => (kind === 'b' ? `--${name}=false` : `--${name}=${VALUES[name] ?? 'x'}`));
    for (const cmd of [['get', 'ns', 'default', '-o', 'name'], ['config', 'current-context'], ['version', '--client', '-o', 'json']]) {
      const r = h.run([...cmd, ...args]);
      expect({ cmd, code: r.code, stderr: r.stderr }).toEqual({ cmd, code: 0, stderr: '' });
    }
    // Checked as kubectl checks them (recorded from kubectl v1.32).
    expect(h.run(['get', 'pods', '--log-flush-frequency=abc']).stderr).toBe('Error: invalid argument "abc" for "--log-flush-frequency" flag: parse error\nSee \'kubectl get --help\' for usage.\n');
    expect(h.run(['get', 'pods', '--vmodule=bad']).stderr).toBe(
      'Error: invalid argument "bad" for "--vmodule" flag: syntax error: expect comma-separated list of filename=N\nSee \'kubectl get --help\' for usage.\n',
    );
    const profile = h.run(['get', 'pods', '--profile=bogus']);
    expect([profile.code, profile.stdout, profile.stderr.replace(/^E\d{4} [\d:.]+ +\d+ /, '')]).toEqual([1, '', 'run.go:72] "command failed" err="unknown profile \'bogus\'"\n']);
  });

  it('--help=false and -h=false ask for no help: the command runs (--help=1 is help)', () => {
    expect(h.ok('get', 'ns', 'default', '--help=false', '-o', 'name')).toBe('namespace/default\n');
    expect(h.ok('get', 'ns', 'default', '-h=false', '-o', 'name')).toBe('namespace/default\n');
    expect(h.ok('get', 'ns', '--help=1').startsWith('Display one or many resources.')).toBe(true);
  });

  it('--warnings-as-errors fails a command the server warned, once it is done', () => {
    h.ok('create', 'configmap', 'w', '--from-literal=a=1');
    const warned = h.run(['patch', 'configmap', 'w', '-p', '{"bogus":1}', '--warnings-as-errors']);
    expect(warned).toEqual({ code: 1, stdout: 'configmap/w patched (no change)\n', stderr: 'Warning: unknown field "bogus"\nerror: 1 warning received\n' });
    expect(h.run(['patch', 'configmap', 'w', '-p', '{"bogus":1}'])).toEqual({ code: 0, stdout: 'configmap/w patched (no change)\n', stderr: 'Warning: unknown field "bogus"\n' });
    expect(h.run(['patch', 'configmap', 'w', '-p', '{"data":{"a":"2"}}', '--warnings-as-errors'])).toEqual({ code: 0, stdout: 'configmap/w patched\n', stderr: '' });
    // The same warning about two objects is printed, and counted, once (kubectl's handler deduplicates).
    const two = h.file('two.yaml', ['x1', 'x2'].map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\nbogus: 1\n`).join('---\n'));
    expect(h.run(['create', '-f', two, '--validate=warn', '--warnings-as-errors'])).toEqual({
      code: 1,
      stdout: 'configmap/x1 created\nconfigmap/x2 created\n',
      stderr: 'Warning: unknown field "bogus"\nerror: 1 warning received\n',
    });
  });
});
