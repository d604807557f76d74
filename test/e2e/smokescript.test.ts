// The CI-style script in fixtures/smoke-test.sh, run as CI runs it: bash with `set -euo
// pipefail`, pocketkube as `kubectl` first on PATH through `pocketkube shim`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { FIXTURES, Home } from '../helpers/cli';

it('applies a directory, waits, asserts with jsonpath, go-template and custom columns, sorts, watches and cleans up', () => {
  const h = new Home();
  try {
    const bin = path.join(h.dir, 'bin');
    fs.mkdirSync(bin);
    h.ok('shim', bin);
    const r = spawnSync('bash', [path.join(FIXTURES, 'smoke-test.sh')], {
      env: { PATH: `${bin}:${process.env.PATH}`, POCKETKUBE_HOME: h.dir, POCKETKUBE_WALLCLOCK: '2026-11-26T12:00:00Z', TZ: 'UTC' },
      encoding: 'utf8',
    });
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.status }).toEqual({
      stdout: [
        'namespace/smoke created',
        'deployment.apps/api created',
        'configmap/web-config created',
        'namespace/smoke unchanged',
        'deployment.apps/web created',
        'deployment.apps/api condition met',
        'deployment.apps/web condition met',
        'deployments by replicas:',
        'NAME   REPLICAS',
        'api    1',
        'web    3',
        'deployment.apps/web scaled',
        'deployment "web" successfully rolled out',
        'deployment.apps "api" deleted',
        'configmap "web-config" deleted',
        'namespace "smoke" deleted',
        'deployment.apps "web" deleted',
        'smoke test passed',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  } finally {
    h.remove();
  }
});
