// -v=6..9 log the REST requests a command makes, in client-go's klog lines: the request line and
// status at 6, headers at 7, bodies at 8, a curl command at 9.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const newHome = throwawayHomes();

/** The log lines without their time and pid (the wall clock is pinned, the pid is not). */
function lines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l)
    .map((l) => l.replace(/^I(\d{4} [\d:.]+) +\d+ /, 'I$1 PID '));
}

describe('-v', () => {
  it('6: each request with its status; the kubeconfig loaded first', () => {
    const h = newHome();
    h.ok('get', 'ns');
    const r = h.run(['get', 'pods', '-l', 'app=web', '-v=6']);
    expect(lines(r.stderr)).toEqual([
      `I1126 12:00:00.000000 PID loader.go:402] Config loaded from file:  ${h.dir}/config`,
      'I1126 12:00:00.000000 PID round_trippers.go:560] GET https://172.18.0.2:6443/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=500 200 OK in 0 milliseconds',
      'No resources found in default namespace.',
    ]);
    const missing = h.run(['get', 'deploy', 'nope', '--v=6']);
    expect(lines(missing.stderr).slice(1)).toEqual([
      'I1126 12:00:00.000000 PID round_trippers.go:560] GET https://172.18.0.2:6443/apis/apps/v1/namespaces/default/deployments/nope 404 Not Found in 0 milliseconds',
      'Error from server (NotFound): deployments.apps "nope" not found',
    ]);
  });

  it('7: request headers and the response status of a create', () => {
    const h = newHome();
    h.ok('get', 'ns');
    const r = h.run(['create', 'configmap', 'c', '--from-literal=a=1', '-v=7']);
    expect(r.stdout).toBe('configmap/c created\n');
    expect(lines(r.stderr).slice(1)).toEqual([
      'I1126 12:00:00.000000 PID round_trippers.go:470] POST https://172.18.0.2:6443/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict',
      'I1126 12:00:00.000000 PID round_trippers.go:476] Request Headers:',
      'I1126 12:00:00.000000 PID round_trippers.go:480]     Accept: application/json, */*',
      'I1126 12:00:00.000000 PID round_trippers.go:480]     Content-Type: application/json',
      'I1126 12:00:00.000000 PID round_trippers.go:480]     User-Agent: kubectl/v1.32.4 (linux/amd64) kubernetes/pocketkube',
      'I1126 12:00:00.000000 PID round_trippers.go:581] Response Status: 201 Created in 0 milliseconds',
    ]);
  });

  it('8 and 9: bodies, and the request as curl', () => {
    const h = newHome();
    h.ok('create', 'configmap', 'c', '--from-literal=a=1');
    const eight = lines(h.run(['get', 'cm', 'c', '-o', 'name', '-v=8']).stderr);
    expect(eight.slice(-4)).toEqual([
      'I1126 12:00:00.000000 PID round_trippers.go:584] Response Headers:',
      'I1126 12:00:00.000000 PID round_trippers.go:587]     Content-Type: application/json',
      'I1126 12:00:00.000000 PID round_trippers.go:587]     Date: Thu, 26 Nov 2026 12:00:00 GMT',
      expect.stringMatching(/^I1126 12:00:00.000000 PID helper.go:105\] "Response Body" body="\{\\"kind\\":\\"ConfigMap\\",.*\\"data\\":\{\\"a\\":\\"1\\"\}\}"$/),
    ]);
    const nine = lines(h.run(['get', 'cm', 'c', '-o', 'name', '-v=9']).stderr);
    expect(nine[1]).toBe(
      `I1126 12:00:00.000000 PID round_trippers.go:473] curl -v -XGET -H "Accept: application/json, */*" -H "User-Agent: kubectl/v1.32.4 (linux/amd64) kubernetes/pocketkube" 'https://172.18.0.2:6443/api/v1/namespaces/default/configmaps/c'`,
    );
    expect(nine[2]).toBe('I1126 12:00:00.000000 PID round_trippers.go:560] GET https://172.18.0.2:6443/api/v1/namespaces/default/configmaps/c 200 OK in 0 milliseconds');
  });

  it('below 6, nothing is logged', () => {
    const h = newHome();
    h.ok('get', 'ns');
    expect(h.run(['get', 'pods', '-v=5']).stderr).toBe('No resources found in default namespace.\n');
  });
});
