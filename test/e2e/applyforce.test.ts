// apply's delete flags (kubectl's DeleteFlags on apply): --force re-creates an object whose patch
// the server refuses as invalid or conflicting, and the checks v1.32's ApplyOptions.Validate makes.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const deployment = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: nginx
        image: nginx
`;

const home = throwawayHomes();

describe('apply --force', () => {
  it('re-creates an object whose change the server refuses as invalid', () => {
    const h = home();
    h.ok('apply', '-f', h.file('one.yaml', deployment('web')));
    const changed = h.file('two.yaml', deployment('web2'));
    const uid = h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid}');
    const refused = h.run(['apply', '-f', changed]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^The Deployment "web" is invalid: spec\.selector: Invalid value: .*: field is immutable\n$/);
    expect(h.ok('apply', '-f', changed, '--force')).toBe('deployment.apps/web configured\n');
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.selector.matchLabels.app}')).toBe('web2');
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.uid}')).not.toBe(uid);
    expect(h.ok('get', 'pods', '-l', 'app=web2', '-o', 'name')).toMatch(/^pod\/web-/);
  });

  it("refuses what kubectl's ApplyOptions.Validate refuses, and accepts the rest of its flags", () => {
    const h = home();
    const f = h.file('one.yaml', deployment('web'));
    h.ok('get', 'nodes');
    const before = h.storeHash();
    expect(h.run(['apply', '-f', f, '--force', '--prune', '--all']).stderr).toBe('error: --force cannot be used with --prune\n');
    expect(h.run(['apply', '-f', f, '--force', '--dry-run=server']).stderr).toBe('error: --dry-run=server cannot be used with --force\n');
    expect(h.run(['apply', '-f', f, '--subresource=status']).stderr).toBe('error: --subresource can only be specified for --server-side\n');
    expect(h.storeHash()).toBe(before);
    expect(h.ok('apply', '-f', f, '--wait', '--timeout=10s', '--overwrite=false', '--openapi-patch=false')).toBe('deployment.apps/web created\n');
  });
});
