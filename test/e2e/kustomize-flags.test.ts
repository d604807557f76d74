// kubectl kustomize's flags (kustomize v5.5's build flags as kubectl v1.32 embeds them), compared
// with what the real kubectl printed for the same directories: the KRM function and Helm flags
// parsed and accepted, --load-restrictor and the deprecated --reorder and --enable-managedby-label
// checked and honoured.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
`;
const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n';

const NS_OUT = (labels = '') => `apiVersion: v1\nkind: Namespace\nmetadata:\n${labels}  name: demo\n`;
const DEPLOY_OUT = (labels = '') =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
${labels}  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: c
`;
/** kubectl kustomize app: the legacy order puts the Namespace first. */
const LEGACY = `${NS_OUT()}---\n${DEPLOY_OUT()}`;
/** kubectl kustomize sorted (sortOptions: fifo): the resources' order. */
const FIFO = `${DEPLOY_OUT()}---\n${NS_OUT()}`;
const MANAGED_BY = '  labels:\n    app.kubernetes.io/managed-by: kustomize-(devel)\n';
const LABELLED = `${NS_OUT(MANAGED_BY)}---\n${DEPLOY_OUT(MANAGED_BY)}`;

const REORDER_DEPRECATED = "Flag --reorder has been deprecated, use the new 'sortOptions' field in kustomization.yaml instead.\n";
const MANAGEDBY_DEPRECATED =
  'Flag --enable-managedby-label has been deprecated, The flag `enable-managedby-label` has been deprecated. Use the `managedByLabel` option in the `buildMetadata` field instead.\n';
const failed = (err: string) => `EMMDD hh:mm:ss.uuuuuu PID run.go:72] "command failed" err=${JSON.stringify(err)}\n`;
const usage = (message: string, verb = 'kustomize') => `Error: ${message}\nSee 'kubectl ${verb} --help' for usage.\n`;

/** klog's header carries the time and the process id. */
const klog = (text: string) => text.replace(/^([IFWE])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID ');

/** A home with app/ (a Deployment then a Namespace) and sorted/ (the same, sortOptions: fifo) under cwd. */
function tree(h: Home): string {
  h.file('kz/app/kustomization.yaml', 'resources:\n- deploy.yaml\n- ns.yaml\n');
  h.file('kz/app/deploy.yaml', DEPLOY);
  h.file('kz/app/ns.yaml', NS);
  h.file('kz/sorted/kustomization.yaml', 'resources:\n- deploy.yaml\n- ns.yaml\nsortOptions:\n  order: fifo\n');
  h.file('kz/sorted/deploy.yaml', DEPLOY);
  h.file('kz/sorted/ns.yaml', NS);
  h.file('kz/helm/kustomization.yaml', 'helmCharts:\n- name: minecraft\n  repo: https://itzg.github.io/minecraft-server-charts\n  version: 3.1.3\n');
  return path.join(h.dir, 'files', 'kz');
}

describe('kubectl kustomize flags, as kubectl v1.32 parses them', () => {
  const home = throwawayHomes();
  const kustomize = (args: string[], env: Record<string, string> = {}) => {
    const h = home();
    const r = h.run(['kustomize', ...args], { cwd: tree(h), env });
    return { stdout: r.stdout, stderr: klog(r.stderr), code: r.code };
  };

  // [args, stdout, stderr, exit code], as kubectl printed them.
  const cases: [string[], string, string, number][] = [
    [['app'], LEGACY, '', 0],
    [
      ['app', '-e', 'A=1', '-e', 'B=2,C=3', '--mount', 'type=bind,src=.,dst=/x', '--network', '--network-name=host', '--as-current-user', '--helm-command=/bin/helm',
        '--helm-api-versions=v1,v2', '--helm-kube-version=1.30', '--helm-debug', '--enable-helm', '--enable-alpha-plugins'],
      LEGACY, '', 0,
    ],
    [['app', '--as-current-user=false', '--helm-debug=0', '--env=X=1', '--env', 'Y', '--network=true', '--enable-alpha-plugins=false'], LEGACY, '', 0],
    [['app', '--network=maybe'], '', usage('invalid argument "maybe" for "--network" flag: strconv.ParseBool: parsing "maybe": invalid syntax'), 1],
    [['app', '--enable-helm=nope'], '', usage('invalid argument "nope" for "--enable-helm" flag: strconv.ParseBool: parsing "nope": invalid syntax'), 1],
    [['app', '-e'], '', usage("flag needs an argument: 'e' in -e"), 1],
    [['app', '--mount'], '', usage('flag needs an argument: --mount'), 1],
    [['app', '--network-name'], '', usage('flag needs an argument: --network-name'), 1],
    [['--helm-kube-version'], '', usage('flag needs an argument: --helm-kube-version'), 1],
    [['app', '--enable-exec'], '', usage('unknown flag: --enable-exec'), 1],
    // --load-restrictor: "" is the default's equal; kustomize's "none" is not a legal value.
    [['app', '--load-restrictor='], LEGACY, '', 0],
    [['app', '--load-restrictor=none'], '', failed('illegal flag value --load-restrictor none; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]'), 1],
    // --reorder: deprecated (said once per use), checked after the path and the restrictor.
    [['app', '--reorder=legacy'], LEGACY, REORDER_DEPRECATED, 0],
    [['app', '--reorder'], '', usage('flag needs an argument: --reorder'), 1],
    [['app', '--reorder=none', '--reorder=bogus'], '', REORDER_DEPRECATED + REORDER_DEPRECATED + failed('illegal flag value --reorder bogus; legal values: [legacy none]'), 1],
    [['app', 'nodir', '--reorder=bogus'], '', REORDER_DEPRECATED + failed('specify one path to kustomization.yaml'), 1],
    [['app', '--load-restrictor=bogus', '--reorder=bogus'], '', REORDER_DEPRECATED + failed('illegal flag value --load-restrictor bogus; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]'), 1],
    // A kustomization's sortOptions win over --reorder, with kustomize's warning (a log line).
    [['sorted'], FIFO, '', 0],
    [['sorted', '--reorder=legacy'], FIFO, REORDER_DEPRECATED + "IMMDD hh:mm:ss.uuuuuu PID log.go:245] Warning: Sorting order is set both in 'kustomization.yaml' ('sortOptions') and in a CLI flag ('--reorder'). Using the kustomization file over the CLI flag.\n", 0],
    [['sorted', '--reorder=none'], FIFO, REORDER_DEPRECATED + "IMMDD hh:mm:ss.uuuuuu PID log.go:245] Warning: Sorting order is set both in 'kustomization.yaml' ('sortOptions') and in a CLI flag ('--reorder'). Using the kustomization file over the CLI flag.\n", 0],
    // --enable-managedby-label: deprecated, and the label on every object's metadata.
    [['app', '--enable-managedby-label'], LABELLED, MANAGEDBY_DEPRECATED, 0],
    [['app', '--enable-managedby-label=false'], LEGACY, MANAGEDBY_DEPRECATED, 0],
    [['app', '--reorder=legacy', '--enable-managedby-label', '--reorder=legacy'], LABELLED, REORDER_DEPRECATED + MANAGEDBY_DEPRECATED + REORDER_DEPRECATED, 0],
  ];
  for (const [args, stdout, stderr, code] of cases) {
    it(args.join(' '), () => {
      expect(kustomize(args)).toEqual({ stdout, stderr, code });
    });
  }

  it('adds the managed-by label when KUSTOMIZE_ENABLE_MANAGEDBY_LABEL is on', () => {
    expect(kustomize(['app'], { KUSTOMIZE_ENABLE_MANAGEDBY_LABEL: 'on' })).toEqual({ stdout: LABELLED, stderr: '', code: 0 });
    expect(kustomize(['app'], { KUSTOMIZE_ENABLE_MANAGEDBY_LABEL: 'yes' })).toEqual({ stdout: LEGACY, stderr: '', code: 0 });
  });

  it('still refuses Helm charts with --enable-helm, and --reorder=none without sortOptions', () => {
    expect(kustomize(['helm', '--enable-helm', '--helm-command=helm'])).toEqual({ stdout: '', stderr: failed("pocketkube does not support the kustomization field 'helmCharts' yet"), code: 1 });
    // kubectl prints the resources in their order: pocketkube's build cannot keep it yet.
    expect(kustomize(['app', '--reorder=none'])).toEqual({
      stdout: '',
      stderr: REORDER_DEPRECATED + failed('pocketkube does not support --reorder=none yet: set sortOptions (order: fifo) in kustomization.yaml instead'),
      code: 1,
    });
  });

  it('-o naming a directory writes each object to a file of its own, as kubectl named them', () => {
    const h = home();
    const cwd = tree(h);
    h.file('kz/multi/kustomization.yaml', 'resources:\n- ../app\n- more.yaml\n');
    h.file('kz/multi/more.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Cfg\n  namespace: Demo\ndata: {a: b}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n');
    const listing = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    fs.mkdirSync(path.join(cwd, 'one'));
    expect(h.run(['kustomize', 'app', '-o', 'one'], { cwd })).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(listing(path.join(cwd, 'one'))).toEqual({ 'apps_v1_deployment_web.yaml': DEPLOY_OUT(), 'v1_namespace_demo.yaml': NS_OUT() });
    // Namespaced objects in more than one namespace ("" is default) are prefixed by it.
    fs.mkdirSync(path.join(cwd, 'many'));
    expect(h.run(['kustomize', 'multi', '--output=many'], { cwd }).code).toBe(0);
    expect(Object.keys(listing(path.join(cwd, 'many')))).toEqual([
      'default_apps_v1_deployment_web.yaml',
      'demo_v1_configmap_cfg.yaml',
      'rbac.authorization.k8s.io_v1_clusterrole_reader.yaml',
      'v1_namespace_demo.yaml',
    ]);
  });

  it('leaves -k of other verbs as it was: their flags are not kustomize\'s', () => {
    const h = home();
    const cwd = tree(h);
    expect(h.run(['apply', '-k', 'app', '--enable-helm'], { cwd })).toEqual({ stdout: '', stderr: usage('unknown flag: --enable-helm', 'apply'), code: 1 });
    expect(h.run(['create', '-k', 'app', '--dry-run=client', '-o', 'name'], { cwd })).toEqual({ stdout: 'namespace/demo\ndeployment.apps/web\n', stderr: '', code: 0 });
  });
});
