import { afterAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { FIXTURES, Home } from '../helpers/cli';

describe('a fresh home', () => {
  const home = new Home();
  afterAll(() => home.remove());

  it('creates the default cluster on the first command', () => {
    expect(home.ok('get', 'nodes')).toBe(
      [
        'NAME                   STATUS   ROLES           AGE   VERSION',
        'pocket-control-plane   Ready    control-plane   0s    v1.32.0',
        'pocket-worker          Ready    <none>          0s    v1.32.0',
        'pocket-worker2         Ready    <none>          0s    v1.32.0',
        '',
      ].join('\n'),
    );
  });

  it('applies the nginx deployment and runs its pods', () => {
    expect(home.ok('apply', '-f', path.join(FIXTURES, 'nginx-deployment.yaml'))).toBe('deployment.apps/nginx-deployment created\n');
    const pods = home.ok('get', 'pods').trim().split('\n');
    expect(pods[0]).toBe('NAME                                READY   STATUS    RESTARTS   AGE');
    expect(pods.slice(1)).toHaveLength(3);
    for (const line of pods.slice(1)) expect(line).toMatch(/^nginx-deployment-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}   1\/1     Running   0          0s$/);
  });
});
