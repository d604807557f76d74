// kubectl top node|pod over the metrics-server add-on (`pocketkube addons`). Without it kubectl's
// discovery finds no metrics.k8s.io and says so; with it, metrics appear once metrics-server is
// ready and has two samples (15s apart) of a node or container, as metrics-server reports them.
// kubectl v1.32's own answers over the same cluster are recorded in fixtures/top-output.json
// (real kubectl reading pocketkube's metrics API through scripts/kubectl-oracle.mjs); texts of
// its argument checks were recorded offline (they fail before any request); what depends on a
// pod's age (kubectl measures it with the real clock) follows top_pod.go on the cluster clock.
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Home, WALLCLOCK, throwawayHomes } from '../helpers/cli';

interface Recorded {
  wallclock: string;
  steps: { run: string[][]; cases: { args: string[]; stdout: string; stderr: string; code: number }[] }[];
}

/** kubectl v1.32's answers over the same cluster's metrics, recorded by fixtures/gen-top-output.mjs. */
const RECORDED = JSON.parse(fs.readFileSync(new URL('./fixtures/top-output.json', import.meta.url), 'utf8')) as Recorded;

const NOT_AVAILABLE = { code: 1, stdout: '', stderr: 'error: Metrics API not available\n' };

describe('kubectl top without the metrics-server add-on', () => {
  const home = throwawayHomes();

  it('fails as kubectl does when discovery has no Metrics API, changing nothing', () => {
    const h = home();
    h.ok('get', 'nodes');
    const before = h.storeHash();
    for (const args of [['top', 'node'], ['top', 'nodes', 'pocket-worker'], ['top', 'pod'], ['top', 'po', '-A'], ['top', 'pod', 'x', '-n', 'kube-system']]) expect(h.run(args)).toEqual(NOT_AVAILABLE);
    expect(h.storeHash()).toBe(before);
    expect(h.ok('addons', 'list')).toBe('NAME             STATUS     DESCRIPTION\nmetrics-server   disabled   Resource metrics for kubectl top (metrics.k8s.io)\n');
    expect(h.run(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n' });
  });

  it("checks its arguments and selectors first, with kubectl's words (recorded from kubectl v1.32)", () => {
    const h = home();
    const cases: [string[], string][] = [
      [['top', 'pod', '--sort-by=x'], 'error: --sort-by accepts only cpu or memory\n'],
      [['top', 'node', '--sort-by=x'], 'error: --sort-by accepts only cpu or memory\n'],
      [['top', 'pod', 'x', '-l', 'a=b'], 'error: only one of NAME or selector can be provided\n'],
      [['top', 'pod', 'x', '--field-selector', 'a=b'], 'error: only one of NAME or selector can be provided\n'],
      [['top', 'node', 'x', '-l', 'a=b'], 'error: only one of NAME or --selector can be provided\n'],
      [['top', 'pod', 'a', 'b'], "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"],
      [['top', 'node', 'a', 'b'], "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n"],
      [['top', 'pod', '-l', 'a==b==c'], "error: found '==', expected: ',' or 'end of string'\n"],
      [['top', 'node', '-l', 'a b'], "error: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n"],
      [['top', 'pod', '--field-selector', 'a'], "error: invalid selector: 'a'; can't understand 'a'\n"],
      [['top', 'foo'], "error: unknown command \"foo\"\nSee 'kubectl top -h' for help and examples\n"],
    ];
    for (const [args, stderr] of cases) expect(h.run(args), args.join(' ')).toEqual({ code: 1, stdout: '', stderr });
    const bare = h.run(['top']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n');
  });

  it('refuses an add-on it does not have', () => {
    const h = home();
    expect(h.run(['addons', 'enable', 'dashboard'])).toEqual({ code: 1, stdout: '', stderr: 'error: unknown add-on "dashboard"; pocketkube has: metrics-server\n' });
    expect(h.run(['addons', 'enable'])).toEqual({ code: 1, stdout: '', stderr: "error: USAGE: addons enable ADDON [flags]\nSee 'kubectl addons enable -h' for help and examples\n" });
  });
});

const APP = fs.readFileSync(new URL('./fixtures/top-app.yaml', import.meta.url), 'utf8');

/**
 * A cluster whose own pods have run five minutes when metrics-server starts (12:05:00), left at
 * 12:05:20: its pod is ready (the readiness probe waits 20s) and it has scraped twice.
 */
function withMetricsServer(h: Home): void {
  expect(h.ok('clock', 'advance', '5m')).toBe('2026-11-26T12:05:00Z\n');
  expect(h.ok('addons', 'enable', 'metrics-server')).toBe("The 'metrics-server' addon is enabled\n");
  expect(h.ok('clock', 'advance', '20s')).toBe('2026-11-26T12:05:20Z\n');
}

/** Then the pods of APP, created at 12:05:35 and sampled twice by 12:06:05. */
function withApp(h: Home): void {
  withMetricsServer(h);
  h.ok('clock', 'advance', '15s');
  expect(h.ok('apply', '-f', h.file('app.yaml', APP))).toBe('pod/app created\npod/big created\n');
  expect(h.ok('clock', 'advance', '30s')).toBe('2026-11-26T12:06:05Z\n');
}

describe('kubectl top with the metrics-server add-on', () => {
  const home = throwawayHomes();

  it('installs metrics-server; the API stays unavailable until its pod is ready', () => {
    const h = home();
    expect(h.ok('clock', 'advance', '5m')).toBe('2026-11-26T12:05:00Z\n');
    expect(h.ok('addons', 'enable', 'metrics-server')).toBe("The 'metrics-server' addon is enabled\n");
    expect(h.ok('addons', 'list')).toBe('NAME             STATUS    DESCRIPTION\nmetrics-server   enabled   Resource metrics for kubectl top (metrics.k8s.io)\n');
    expect(h.ok('get', 'deployment,serviceaccount', '-n', 'kube-system', '-l', 'k8s-app=metrics-server', '-o', 'name')).toBe('deployment.apps/metrics-server\nserviceaccount/metrics-server\n');
    expect(h.ok('get', 'apiservices')).toBe(
      'NAME                     SERVICE                      AVAILABLE                  AGE\nv1beta1.metrics.k8s.io   kube-system/metrics-server   False (MissingEndpoints)   0s\n',
    );
    expect(h.ok('get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[0].message}')).toBe(
      'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"',
    );
    expect(h.run(['top', 'node'])).toEqual(NOT_AVAILABLE);
    // Enabling again finds everything there.
    expect(h.ok('addons', 'enable', 'metrics-server')).toBe("The 'metrics-server' addon is enabled\n");
    expect(h.ok('clock', 'advance', '20s')).toBe('2026-11-26T12:05:20Z\n');
    expect(h.ok('get', 'apiservices')).toBe('NAME                     SERVICE                      AVAILABLE   AGE\nv1beta1.metrics.k8s.io   kube-system/metrics-server   True        20s\n');
    expect(h.ok('get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[0].reason}: {.status.conditions[0].message}')).toBe('Passed: all checks passed');
  });

  it('reports nodes: usage, share of allocatable, sorted, selected; a stopped kubelet is not scraped', () => {
    const h = home();
    withMetricsServer(h);
    // Usage is the running containers' requests; memory is a share of 8131940Ki allocatable, CPU of 4 cores.
    expect(h.ok('top', 'node')).toBe(
      [
        'NAME                   CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ',
        'pocket-control-plane   651m         16%      115Mi           1%          ',
        'pocket-worker          201m         5%       273Mi           3%          ',
        'pocket-worker2         101m         2%       73Mi            0%          ',
        '',
      ].join('\n'),
    );
    expect(h.ok('top', 'node', '--sort-by=memory', '--no-headers')).toBe(
      'pocket-worker          201m   5%    273Mi   3%    \npocket-control-plane   651m   16%   115Mi   1%    \npocket-worker2         101m   2%    73Mi    0%    \n',
    );
    expect(h.ok('top', 'node', '-l', 'node-role.kubernetes.io/control-plane', '--show-capacity')).toBe(
      'NAME                   CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \npocket-control-plane   651m         16%      115Mi           1%          \n',
    );
    expect(h.ok('top', 'no', 'pocket-worker2')).toBe('NAME             CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \npocket-worker2   101m         2%       73Mi            0%          \n');
    expect(h.run(['top', 'node', 'nope'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n' });
    expect(h.ok('node', 'stop', 'pocket-worker')).toBe('node/pocket-worker stopped\n');
    expect(h.ok('top', 'node')).toBe(
      [
        'NAME                   CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   ',
        'pocket-control-plane   651m         16%         115Mi           1%          ',
        'pocket-worker2         101m         2%          73Mi            0%          ',
        'pocket-worker          <unknown>    <unknown>   <unknown>       <unknown>   ',
        '',
      ].join('\n'),
    );
    expect(h.run(['top', 'node', 'pocket-worker'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "pocket-worker" not found\n' });
  });

  it('reports a pod once each of its containers has two samples', () => {
    const h = home();
    withMetricsServer(h);
    // At 12:05:20 the last scrape (12:05:15) is metrics-server's second: its own container, started
    // at 12:05:00, has one sample, so it is left out.
    expect(h.ok('top', 'pod', '-n', 'kube-system')).toBe(
      [
        'NAME                                           CPU(cores)   MEMORY(bytes)   ',
        'coredns-fdcb9cd49-5czs6                        100m         70Mi            ',
        'coredns-fdcb9cd49-qpmk7                        100m         70Mi            ',
        'etcd-pocket-control-plane                      100m         100Mi           ',
        'kube-apiserver-pocket-control-plane            250m         4Mi             ',
        'kube-controller-manager-pocket-control-plane   200m         6Mi             ',
        'kube-proxy-7hsr4                               1m           3Mi             ',
        'kube-proxy-b4kmb                               1m           3Mi             ',
        'kube-proxy-jbx8w                               1m           3Mi             ',
        'kube-scheduler-pocket-control-plane            100m         2Mi             ',
        '',
      ].join('\n'),
    );
    expect(h.ok('clock', 'advance', '15s')).toBe('2026-11-26T12:05:35Z\n');
    expect(h.ok('top', 'pod', '-A', '--sort-by=memory', '-l', 'k8s-app')).toBe(
      [
        'NAMESPACE     NAME                              CPU(cores)   MEMORY(bytes)   ',
        'kube-system   metrics-server-695fb75594-lsnd7   100m         200Mi           ',
        'kube-system   coredns-fdcb9cd49-5czs6           100m         70Mi            ',
        'kube-system   coredns-fdcb9cd49-qpmk7           100m         70Mi            ',
        'kube-system   kube-proxy-7hsr4                  1m           3Mi             ',
        'kube-system   kube-proxy-b4kmb                  1m           3Mi             ',
        'kube-system   kube-proxy-jbx8w                  1m           3Mi             ',
        '',
      ].join('\n'),
    );
    // Nothing in the default namespace: kubectl says so on stderr and succeeds.
    expect(h.run(['top', 'pod'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(h.run(['top', 'pod', 'nope'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    // With -A kubectl asks for the pod in no namespace, where metrics-server never finds it.
    expect(h.run(['top', 'pod', '-A', 'coredns-fdcb9cd49-5czs6'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "coredns-fdcb9cd49-5czs6" not found\n' });
  });

  it("reports a workload's pods by pod and by container, summed, sorted", () => {
    const h = home();
    withMetricsServer(h);
    h.ok('clock', 'advance', '15s');
    expect(h.ok('apply', '-f', h.file('app.yaml', APP))).toBe('pod/app created\npod/big created\n');
    // Started at 12:05:35, after the last scrape (12:05:30): no sample yet; `big` cannot be scheduled.
    h.ok('clock', 'advance', '5s');
    expect(h.run(['top', 'pod'])).toEqual({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
    expect(h.run(['top', 'pod', 'app'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/app" not found\n' });
    expect(h.ok('clock', 'advance', '25s')).toBe('2026-11-26T12:06:05Z\n');
    // app uses its request (250m, 128Mi); the sidecar what the annotations say (15m, 20Mi).
    expect(h.ok('top', 'pod')).toBe('NAME   CPU(cores)   MEMORY(bytes)   \napp    265m         148Mi           \n');
    expect(h.ok('top', 'pod', 'app', '--containers')).toBe(
      'POD   NAME      CPU(cores)   MEMORY(bytes)   \napp   app       250m         128Mi           \napp   sidecar   15m          20Mi            \n',
    );
    expect(h.ok('top', 'pod', '-A', '--containers', '--sort-by=cpu', '-l', 'tier=web')).toBe(
      'NAMESPACE   POD   NAME      CPU(cores)   MEMORY(bytes)   \ndefault     app   app       250m         128Mi           \ndefault     app   sidecar   15m          20Mi            \n',
    );
    expect(h.ok('top', 'pod', '-A', '--sum', '-l', 'k8s-app=kube-dns')).toBe(
      [
        'NAMESPACE     NAME                      CPU(cores)   MEMORY(bytes)   ',
        'kube-system   coredns-fdcb9cd49-5czs6   100m         70Mi            ',
        'kube-system   coredns-fdcb9cd49-qpmk7   100m         70Mi            ',
        '                                        ________     ________        ',
        '                                        200m         140Mi           ',
        '',
      ].join('\n'),
    );
    expect(h.ok('top', 'pod', '--field-selector', 'metadata.name=app', '--no-headers')).toBe('app   265m   148Mi   \n');
    // The pending pod has no metrics; young, it may yet get them.
    expect(h.run(['top', 'pod', '-l', 'tier=batch'])).toEqual({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
    // Once it has had two minutes, kubectl names it.
    expect(h.ok('clock', 'advance', '2m')).toBe('2026-11-26T12:08:05Z\n');
    expect(h.run(['top', 'pod', '-l', 'tier=batch'])).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics not available for pod default/big, age: 2m30s\n' });
    // metrics-server filters by object-meta fields only: a status field matches no metrics, and
    // kubectl then finds the pod the API server does match, old enough to be reported.
    expect(h.run(['top', 'pod', '--field-selector', 'status.phase=Running'])).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics not available for pod default/app, age: 2m30s\n' });
  });

  it('serves metrics.k8s.io to get --raw as metrics-server writes it', () => {
    const h = home();
    withApp(h);
    const raw = (path: string) => h.ok('get', '--raw', path);
    expect(raw('/apis/metrics.k8s.io/v1beta1')).toBe(
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"metrics.k8s.io/v1beta1","resources":[{"name":"nodes","singularName":"","namespaced":false,"kind":"NodeMetrics","verbs":["get","list"]},{"name":"pods","singularName":"","namespaced":true,"kind":"PodMetrics","verbs":["get","list"]}]}\n',
    );
    expect(raw('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/app')).toBe(
      '{"kind":"PodMetrics","apiVersion":"metrics.k8s.io/v1beta1","metadata":{"name":"app","namespace":"default","creationTimestamp":"2026-11-26T12:06:05Z","labels":{"tier":"web"}},"timestamp":"2026-11-26T12:06:00Z","window":"15s","containers":[{"name":"app","usage":{"cpu":"250m","memory":"128Mi"}},{"name":"sidecar","usage":{"cpu":"15m","memory":"20Mi"}}]}\n',
    );
    const nodes = JSON.parse(raw('/apis/metrics.k8s.io/v1beta1/nodes?labelSelector=kubernetes.io/hostname%3Dpocket-worker'));
    expect(nodes).toEqual({
      kind: 'NodeMetricsList',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {},
      items: [
        {
          metadata: { name: 'pocket-worker', creationTimestamp: '2026-11-26T12:06:05Z', labels: expect.objectContaining({ 'kubernetes.io/hostname': 'pocket-worker' }) },
          timestamp: '2026-11-26T12:06:00Z',
          window: '15s',
          usage: { cpu: '201m', memory: '273Mi' },
        },
      ],
    });
    expect(JSON.parse(raw('/apis')).groups.map((g: { name: string }) => g.name)).toContain('metrics.k8s.io');
    expect(h.run(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/big'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/big" not found\n',
    });
  });

  it('removes everything it installed when disabled', () => {
    const h = home();
    withMetricsServer(h);
    expect(h.ok('addons', 'disable', 'metrics-server')).toBe("The 'metrics-server' addon is disabled\n");
    expect(h.run(['top', 'pod'])).toEqual(NOT_AVAILABLE);
    expect(h.run(['top', 'node'])).toEqual(NOT_AVAILABLE);
    expect(h.ok('addons', 'list')).toBe('NAME             STATUS     DESCRIPTION\nmetrics-server   disabled   Resource metrics for kubectl top (metrics.k8s.io)\n');
    expect(h.run(['get', 'deployment,serviceaccount', '-n', 'kube-system', '-l', 'k8s-app=metrics-server'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in kube-system namespace.\n' });
    expect(h.run(['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=metrics-server'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in kube-system namespace.\n' });
    expect(h.run(['get', 'apiservices'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
    // Disabling what is not there is no error.
    expect(h.ok('addons', 'disable', 'metrics-server')).toBe("The 'metrics-server' addon is disabled\n");
  });
});

describe('kubectl top, as kubectl v1.32 answers over the same metrics', () => {
  it('prints what the real kubectl printed at each step of the add-on\'s life', () => {
    expect(RECORDED.wallclock).toBe(WALLCLOCK);
    const h = new Home();
    try {
      h.file('app.yaml', fs.readFileSync(new URL('./fixtures/top-app.yaml', import.meta.url), 'utf8'));
      const cwd = `${h.dir}/files`;
      for (const step of RECORDED.steps) {
        for (const args of step.run) expect(h.run(args, { cwd }).code, args.join(' ')).toBe(0);
        for (const c of step.cases) expect(h.run(c.args, { cwd }), c.args.join(' ')).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
      }
    } finally {
      h.remove();
    }
  });
});
