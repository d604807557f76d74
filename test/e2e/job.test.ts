// Jobs through the launcher: kubectl's table as the pods run and finish, a Job failing past its
// backoff limit on the cluster clock, get all, and deletion taking the pods with it.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

const job = (name: string, spec: string, command: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "${command}"]
`;

describe('Jobs', () => {
  it('in sequence: runs two at a time to three completions, then lists as Complete with its duration', () => {
    const h = home();
    expect(h.ok('apply', '-f', h.file('hello.yaml', job('hello', '  completions: 3\n  parallelism: 2\n', 'echo hello; sleep 5')))).toBe('job.batch/hello created\n');
    expect(h.ok('get', 'jobs')).toBe('NAME    STATUS    COMPLETIONS   DURATION   AGE\nhello   Running   0/3           0s         0s\n');
    expect(h.ok('get', 'pods', '-l', 'job-name=hello', '--no-headers').trim().split('\n')).toHaveLength(2);
    h.ok('clock', 'advance', '30s');
    expect(h.ok('get', 'jobs')).toBe('NAME    STATUS     COMPLETIONS   DURATION   AGE\nhello   Complete   3/3           10s        30s\n');
    expect(h.ok('logs', '-l', 'job-name=hello')).toBe('hello\nhello\nhello\n');
    expect(h.ok('get', 'all', '-o', 'name')).toContain('job.batch/hello\n');
    expect(h.ok('delete', 'job', 'hello')).toBe('job.batch "hello" deleted\n');
    expect(h.run(['get', 'pods', '-l', 'job-name=hello'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('fails past its backoff limit, its failures spaced by the pod failure back-off', () => {
    const h = home();
    h.ok('apply', '-f', h.file('fail.yaml', job('fail', '  backoffLimit: 2\n', 'exit 1')));
    h.ok('clock', 'advance', '1m');
    expect(h.ok('get', 'jobs')).toBe('NAME   STATUS   COMPLETIONS   DURATION   AGE\nfail   Failed   0/1           60s        60s\n');
    const ages = h.ok('get', 'pods', '-l', 'job-name=fail', '-o', 'jsonpath={range .items[*]}{.metadata.creationTimestamp}{"\\n"}{end}').trim().split('\n').sort();
    expect(ages).toEqual(['2026-11-26T12:00:00Z', '2026-11-26T12:00:10Z', '2026-11-26T12:00:30Z']);
    expect(h.ok('get', 'events', '--field-selector', 'reason=BackoffLimitExceeded', '-o', 'jsonpath={.items[0].message}')).toBe('Job has reached the specified backoff limit');
    const uid = h.ok('get', 'job', 'fail', '-o', 'jsonpath={.metadata.uid}');
    const page = h.ok('describe', 'job', 'fail');
    expect(page).toMatch(
      new RegExp(
        '^Name:             fail\n' +
          'Namespace:        default\n' +
          `Selector:         batch.kubernetes.io/controller-uid=${uid}\n` +
          `Labels:           batch.kubernetes.io/controller-uid=${uid}\n {18}batch.kubernetes.io/job-name=fail\n {18}controller-uid=${uid}\n {18}job-name=fail\n` +
          'Annotations:      <none>\nParallelism:      1\nCompletions:      1\nCompletion Mode:  NonIndexed\nSuspend:          false\nBackoff Limit:    2\n' +
          'Start Time:       Thu, 26 Nov 2026 12:00:00 \\+0000\n' +
          'Pods Statuses:    0 Active \\(0 Ready\\) / 0 Succeeded / 3 Failed\n' +
          'Pod Template:\n',
      ),
    );
    expect(page).toMatch(/\n {2}Warning {2}BackoffLimitExceeded {2}30s {3}job-controller {2}Job has reached the specified backoff limit\n$/);
  });

  it('create job: the generator kubectl v1.32 runs, its refusals, and the Job run to completion', () => {
    const h = home();
    expect(h.ok('create', 'job', 'pi', '--image=perl:5.34.0', '--dry-run=client', '-o', 'yaml', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)')).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: pi\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - command:\n        - perl\n        - -Mbignum=bpi\n        - -wle\n        - print bpi(2000)\n        image: perl:5.34.0\n        name: pi\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
    const refused = (args: string[], stderr: string) => expect([h.run(args).code, h.run(args).stderr]).toEqual([1, stderr]);
    refused(['create', 'job', 'x'], 'error: either --image or --from must be specified\n');
    refused(['create', 'job', 'x', '--image=a', '--from=cronjob/y'], 'error: either --image or --from must be specified\n');
    refused(['create', 'job', 'x', '--from=cronjob/y', '--', 'echo'], 'error: cannot specify --from and command\n');
    refused(['create', 'job'], "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n");
    expect(h.ok('create', 'job', 'hello', '--image=busybox:1.36', '--', 'echo', 'hi')).toBe('job.batch/hello created\n');
    refused(['create', 'job', 'hello', '--image=busybox:1.36'], 'error: failed to create job: jobs.batch "hello" already exists\n');
    expect(h.ok('get', 'job', 'hello')).toBe('NAME    STATUS     COMPLETIONS   DURATION   AGE\nhello   Complete   1/1           0s         0s\n');
    expect(h.ok('logs', 'job/hello')).toBe('hi\n');
    // Suspended, a Job lists as such and keeps no pod running.
    h.ok('create', 'job', 'later', '--image=busybox:1.36', '--', 'sleep', '600');
    expect(h.ok('patch', 'job', 'later', '-p', '{"spec":{"suspend":true}}')).toBe('job.batch/later patched\n');
    h.ok('clock', 'advance', '40s');
    expect(h.ok('get', 'job', 'later', '--no-headers')).toMatch(/^later +Suspended +0\/1 +40s +40s\n$/);
    expect(h.run(['get', 'pods', '-l', 'job-name=later'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it("the seed's patterns: the pi Job's 2,000 digits, and one Job per item made from a template with sed", () => {
    const h = home();
    expect(h.ok('create', 'job', 'pi', '--image=perl:5.34.0', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)')).toBe('job.batch/pi created\n');
    expect(h.ok('get', 'job', 'pi', '-o', 'jsonpath={.status.succeeded}')).toBe('1');
    const digits = h.ok('logs', 'job/pi');
    expect(digits).toMatch(/^3\.14159265358979323846264338327950288419716939937510[0-9]{1949}\n$/);
    expect(digits.endsWith('26459958133904780275901\n')).toBe(true);

    // The "expansion" pattern: a template per item, created together, each run to completion.
    const tmpl = job('process-item-$ITEM', '', 'echo Processing item $ITEM && sleep 5').replace('metadata:\n', 'metadata:\n  labels:\n    jobgroup: jobexample\n');
    for (const item of ['apple', 'banana', 'cherry']) h.file(`jobs/job-${item}.yaml`, tmpl.replaceAll('$ITEM', item));
    expect(h.ok('create', '-f', `${h.dir}/files/jobs`)).toBe('job.batch/process-item-apple created\njob.batch/process-item-banana created\njob.batch/process-item-cherry created\n');
    expect(h.ok('get', 'jobs', '-l', 'jobgroup=jobexample')).toBe(
      'NAME                  STATUS    COMPLETIONS   DURATION   AGE\nprocess-item-apple    Running   0/1           0s         0s\nprocess-item-banana   Running   0/1           0s         0s\nprocess-item-cherry   Running   0/1           0s         0s\n',
    );
    h.ok('clock', 'advance', '10s');
    expect(h.ok('logs', 'job/process-item-banana')).toBe('Processing item banana\n');
    expect(h.ok('get', 'jobs', '-l', 'jobgroup=jobexample', '-o', 'jsonpath={range .items[*]}{.status.conditions[-1:].type} {end}')).toBe('Complete Complete Complete ');
  });

  it("the seed's parallelism-only pattern: workers without completions end the Job once one succeeds and the rest are done", () => {
    const h = home();
    h.ok('apply', '-f', h.file('workers.yaml', job('workers', '  parallelism: 3\n', 'sleep 5; echo worker done')));
    expect(h.ok('get', 'jobs')).toBe('NAME      STATUS    COMPLETIONS   DURATION   AGE\nworkers   Running   0/1 of 3      0s         0s\n');
    h.ok('clock', 'advance', '10s');
    expect(h.ok('get', 'jobs')).toBe('NAME      STATUS     COMPLETIONS   DURATION   AGE\nworkers   Complete   3/1 of 3      5s         10s\n');
    expect(h.ok('get', 'job', 'workers', '-o', 'jsonpath={.status.succeeded}')).toBe('3');
  });

  it('an Indexed Job: one pod per index, each knowing its index', () => {
    const h = home();
    h.ok('apply', '-f', h.file('indexed.yaml', job('indexed', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n', 'echo item $JOB_COMPLETION_INDEX on $HOSTNAME')));
    expect(h.ok('get', 'jobs')).toBe('NAME      STATUS     COMPLETIONS   DURATION   AGE\nindexed   Complete   3/3           0s         0s\n');
    expect(h.ok('get', 'job', 'indexed', '-o', 'jsonpath={.status.completedIndexes}')).toBe('0-2');
    expect(h.ok('logs', '-l', 'job-name=indexed', '--prefix=false')).toBe('item 0 on indexed-0\nitem 1 on indexed-1\nitem 2 on indexed-2\n');
    const page = h.ok('describe', 'job', 'indexed');
    expect(page).toContain('\nCompletion Mode:    Indexed\n');
    expect(page).toContain('\nCompleted Indexes:  0-2\n');
  });
});
