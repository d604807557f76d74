// kubectl events -w: the events there are, then each one as it happens while the cluster clock
// moves on (as `wait` moves it), each flushed on its own so the table's widths grow from line to
// line as kubectl's tabwriter remembers them; it ends at --request-timeout or when nothing is
// left to happen. (The listing itself is compared with recorded kubectl in getformats.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home } from '../helpers/cli';

const PULL_FAILED =
  'Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found';

describe('kubectl events --watch', () => {
  const h = new Home();
  beforeAll(() => {
    h.ok('run', 'broken', '--image=nginx:nope');
  });
  afterAll(() => h.remove());

  it('prints what is there, then each new or repeated event until the request timeout', () => {
    const r = h.run(['events', '-w', '--for', 'pod/broken', '--request-timeout=95s']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'LAST SEEN   TYPE     REASON      OBJECT       MESSAGE',
        '0s          Normal   Scheduled   Pod/broken   Successfully assigned default/broken to pocket-worker',
        '0s          Normal   Pulling     Pod/broken   Pulling image "nginx:nope"',
        `0s          Warning   Failed      Pod/broken   ${PULL_FAILED}`,
        '0s          Warning   Failed      Pod/broken   Error: ErrImagePull',
        '0s          Normal    BackOff     Pod/broken   Back-off pulling image "nginx:nope"',
        '0s          Warning   Failed      Pod/broken   Error: ImagePullBackOff',
        '0s (x2 over 76s)   Normal    Pulling     Pod/broken   Pulling image "nginx:nope"',
        `0s (x2 over 76s)   Warning   Failed      Pod/broken   ${PULL_FAILED}`,
        '0s (x2 over 76s)   Warning   Failed      Pod/broken   Error: ErrImagePull',
        '0s (x2 over 88s)   Normal    BackOff     Pod/broken   Back-off pulling image "nginx:nope"',
        '0s (x2 over 88s)   Warning   Failed      Pod/broken   Error: ImagePullBackOff',
        '',
      ].join('\n'),
    });
    // The cluster moved on by the timeout: the listing now counts from 95s later.
    expect(h.ok('events', '--for', 'pod/broken').split('\n')[1]).toBe('95s                 Normal    Scheduled   Pod/broken   Successfully assigned default/broken to pocket-worker');
  });

  it('prints each event as one object with -o, and only the types asked for', () => {
    const names = h.ok('events', '-w', '--for', 'pod/broken', '--types=Normal', '-o', 'name', '--request-timeout=1s').trim().split('\n');
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toMatch(/^event\/broken\.[0-9a-f]{16}$/);
    const yaml = h.ok('events', '-w', '--for', 'pod/broken', '--types=Normal', '-o', 'yaml', '--request-timeout=1s');
    expect(yaml.split('\n---\n')).toHaveLength(3);
    expect(yaml).toMatch(/^apiVersion: v1\ncount: 1\n/);
  });

  it('prints nothing for an object without events, and refuses a bad timeout', () => {
    expect(h.run(['events', '-w', '--for', 'pod/none', '--request-timeout=5s'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(h.run(['events', '-w', '--request-timeout=soon']).stderr).toBe(
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    );
  });
});
