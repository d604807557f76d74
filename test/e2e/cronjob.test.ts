// CronJobs through the launcher: create cronjob as kubectl builds it, its table and describe page,
// schedules run by an advancing clock, Forbid against a long Job, create job --from, and the errors
// kubectl and the API server give.
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();

/** A CronJob whose spec begins with `schedule` (and any fields after it), one busybox container. */
const cronJob = (name: string, schedule: string, restartPolicy: string, command: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: ${schedule}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: ${restartPolicy}
          containers:
          - name: c
            image: busybox:1.36
            command: ${command}
`;

describe('CronJobs', () => {
  it('create cronjob --dry-run=client prints what kubectl builds', () => {
    const h = home();
    expect(h.ok('create', 'cronjob', 'x', '--image=busybox', '--schedule=*/1 * * * *', '--dry-run=client', '-o', 'yaml', '--', 'date', '-u')).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: x
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: x
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - date
            - -u
            image: busybox
            name: x
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`);
    expect(h.ok('create', 'cj', 'x', '--image=busybox', '--schedule=* * * * *', '--restart=Never', '--dry-run=client')).toBe('cronjob.batch/x created (dry run)\n');
  });

  it('runs a Job each minute as the clock advances, keeps three, and describes itself', () => {
    const h = home();
    expect(h.ok('create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/1 * * * *', '--', 'sh', '-c', 'date; echo Hello from the cluster')).toBe('cronjob.batch/hello created\n');
    expect(h.ok('get', 'cronjobs')).toBe('NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   <none>     False     0        <none>          0s\n');
    h.ok('clock', 'advance', '5m30s');
    expect(h.ok('get', 'cj', '-o', 'wide')).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE     CONTAINERS   IMAGES    SELECTOR\nhello   */1 * * * *   <none>     False     0        30s             5m30s   hello        busybox   <none>\n',
    );
    expect(h.ok('get', 'jobs', '-o', 'name')).toBe('job.batch/hello-29928243\njob.batch/hello-29928244\njob.batch/hello-29928245\n');
    expect(h.ok('logs', 'job/hello-29928245')).toBe('Thu Nov 26 12:05:00 UTC 2026\nHello from the cluster\n');
    const page = h.ok('describe', 'cj', 'hello');
    expect(page).toContain('Schedule:                      */1 * * * *\nConcurrency Policy:            Allow\nSuspend:                       False\n');
    expect(page).toContain('Last Schedule Time:  Thu, 26 Nov 2026 12:05:00 +0000\nActive Jobs:         <none>\nEvents:\n');
    expect(page).toContain('  Normal  SuccessfulDelete  90s    cronjob-controller  Deleted job hello-29928241\n');
    expect(h.ok('get', 'all', '-o', 'name')).toContain('cronjob.batch/hello\njob.batch/hello-29928243\n');
    expect(h.ok('delete', 'cronjob', 'hello')).toBe('cronjob.batch "hello" deleted\n');
    expect(h.run(['get', 'jobs'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('with Forbid holds back the times a long Job runs through', () => {
    const h = home();
    h.ok('apply', '-f', h.file('slow.yaml', cronJob('slow', '"*/2 * * * *"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 30', 'Never', '["sleep", "300"]')));
    h.ok('clock', 'advance', '7m');
    // 12:02's Job runs to 12:07; 12:04 and 12:06 find it active and, past their 30 s windows, are lost.
    expect(h.ok('get', 'jobs', '-o', 'name')).toBe('job.batch/slow-29928242\n');
    expect(h.ok('get', 'cj', 'slow')).toBe('NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nslow   */2 * * * *   <none>     False     1        5m              7m\n');
    expect(h.ok('get', 'events', '--field-selector', 'reason=JobAlreadyActive')).toBe(
      'LAST SEEN   TYPE     REASON             OBJECT         MESSAGE\n60s         Normal   JobAlreadyActive   cronjob/slow   Not starting job because prior execution is running and concurrency policy is Forbid\n',
    );
    h.ok('clock', 'advance', '1m30s');
    expect(h.ok('get', 'jobs', '-o', 'name')).toBe('job.batch/slow-29928242\njob.batch/slow-29928248\n');
  });

  it('create job --from=cronjob makes a manual Job the CronJob owns', () => {
    const h = home();
    h.ok('create', 'cronjob', 'x', '--image=busybox', '--schedule=0 0 * * *');
    const uid = h.ok('get', 'cj', 'x', '-o', 'jsonpath={.metadata.uid}');
    expect(h.ok('create', 'job', 'test-job', '--from=cronjob/x', '--dry-run=client', '-o', 'yaml', '-n', 'default')).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  annotations:
    cronjob.kubernetes.io/instantiate: manual
  creationTimestamp: null
  name: test-job
  namespace: default
  ownerReferences:
  - apiVersion: batch/v1
    controller: true
    kind: CronJob
    name: x
    uid: ${uid}
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - image: busybox
        imagePullPolicy: Always
        name: x
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: OnFailure
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status: {}
`);
    expect(h.ok('create', 'job', 'manual', '--from=cj/x')).toBe('job.batch/manual created\n');
    expect(h.ok('get', 'jobs')).toBe('NAME     STATUS     COMPLETIONS   DURATION   AGE\nmanual   Complete   1/1           0s         0s\n');
    expect(h.run(['create', 'job', 'y', '--from=cronjob/nope'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): cronjobs.batch "nope" not found\n' });
    h.ok('create', 'deployment', 'web', '--image=nginx');
    expect(h.run(['create', 'job', 'y', '--from=deployment/web'])).toEqual({ code: 1, stdout: '', stderr: 'error: unknown object type *v1.Deployment\n' });
  });

  it('refuses bad input with kubectl\'s and the API server\'s words, changing nothing', () => {
    const h = home();
    const missing = h.run(['create', 'cronjob', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('"command failed" err="required flag(s) \\"image\\", \\"schedule\\" not set"');
    expect(h.run(['create', 'cronjob', 'x', '--image=busybox', '--schedule=61 * * * *'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n',
    });
    expect(h.run(['create', 'cronjob', 'x', '--image=busybox', '--schedule=@daily', '--restart=Always'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
    });
    expect(h.run(['get', 'cj'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('follows its time zone', () => {
    const h = home();
    h.ok('apply', '-f', h.file('tz.yaml', cronJob('tokyo', '"0 21 * * *"\n  timeZone: Asia/Tokyo', 'OnFailure', '["true"]')));
    expect(h.ok('get', 'cj')).toBe('NAME    SCHEDULE     TIMEZONE     SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntokyo   0 21 * * *   Asia/Tokyo   False     0        <none>          0s\n');
    h.ok('clock', 'advance', '1h');
    // 21:00 in Tokyo is 12:00 UTC: the next is tomorrow's.
    expect(h.ok('get', 'jobs', '-o', 'name')).toBe('');
    h.ok('clock', 'advance', '23h1m');
    expect(h.ok('get', 'jobs', '-o', 'jsonpath={.items[*].metadata.annotations}')).toBe('{"batch.kubernetes.io/cronjob-scheduled-timestamp":"2026-11-27T21:00:00+09:00"}');
  });
});
