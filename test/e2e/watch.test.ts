// kubectl get -w / --watch-only / --output-watch-events: what there is, then each change as the
// cluster clock moves on (as `wait` moves it), every change flushed on its own so the columns
// widen from row to row as kubectl's tabwriter lets them, until --request-timeout. (What kubectl
// prints before the first change is compared with recorded kubectl in getformats.test.ts.) Each
// case starts from a pod whose image does not exist, in a home of its own.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();
const broken = () => {
  const h = home();
  h.ok('run', 'broken', '--image=nginx:nope');
  return h;
};

describe('kubectl get --watch', () => {
  it('prints the list, then a row for each change until the request timeout', () => {
    expect(broken().run(['get', 'pods', '-w', '--request-timeout=85s'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'NAME     READY   STATUS         RESTARTS   AGE',
        'broken   0/1     ErrImagePull   0          0s',
        'broken   0/1     ImagePullBackOff   0          1s',
        'broken   0/1     ErrImagePull       0          76s',
        '',
      ].join('\n'),
    });
  });

  it('names the event of each row with --output-watch-events', () => {
    expect(broken().ok('get', 'pod', 'broken', '-w', '--output-watch-events', '--request-timeout=30s')).toBe(
      ['EVENT   NAME     READY   STATUS         RESTARTS   AGE', 'ADDED   broken   0/1     ErrImagePull   0          0s', 'MODIFIED   broken   0/1     ImagePullBackOff   0          1s', ''].join('\n'),
    );
  });

  it('prints changes only with --watch-only, in any format', () => {
    expect(broken().ok('get', 'pods', '-A', '--watch-only', '--request-timeout=2m', '-o', 'custom-columns=NS:.metadata.namespace,N:.metadata.name,S:.status.containerStatuses[0].state.waiting.reason')).toBe(
      ['NS        N        S', 'default   broken   ImagePullBackOff', 'default   broken   ErrImagePull', 'default   broken   ImagePullBackOff', ''].join('\n'),
    );
    const events = broken().ok('get', 'pods', '--watch-only', '-o', 'json', '--output-watch-events', '--request-timeout=2m').trim().split('\n');
    expect(events.map((e) => JSON.parse(e).type)).toEqual(['MODIFIED', 'MODIFIED', 'MODIFIED']);
    expect(JSON.parse(events[0]).object.metadata.name).toBe('broken');
  });

  it('refuses what kubectl refuses', () => {
    const h = home();
    expect(h.run(['get', 'pods', '--output-watch-events']).stderr).toBe('error: --output-watch-events option can only be used with --watch or --watch-only\n');
    expect(h.run(['get', 'pods,deploy', '-w']).stderr).toBe('error: you may only specify a single resource type\n');
    expect(h.run(['get', 'pods', '-w', '--request-timeout=x']).stderr).toBe(
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    );
  });
});
