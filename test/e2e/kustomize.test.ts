// -k DIR and `kubectl kustomize DIR`: a kustomization (base and overlay, generators, patches)
// built as kubectl v1.32 builds it, then applied, read, diffed, replaced and deleted through
// the same paths -f takes; kubectl's flag errors and kustomize's build errors leave the
// cluster untouched.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';
import golden from '../unit/fixtures/kustomize-golden.json';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx:1.25
        envFrom:
        - configMapRef:
            name: settings
`;

/**
 * A base (deployment and generated ConfigMap) and an overlay that renames, relabels and patches
 * it. The hashed names below are what the real `kubectl kustomize` printed for this tree.
 */
function writeTree(root: string): string {
  const files: Record<string, string> = {
    'base/kustomization.yaml': 'resources:\n- deploy.yaml\nconfigMapGenerator:\n- name: settings\n  literals:\n  - level=info\n',
    'base/deploy.yaml': DEPLOY,
    'overlay/kustomization.yaml': `namespace: shop
namePrefix: prod-
labels:
- pairs:
    env: prod
  includeSelectors: true
resources:
- ns.yaml
- ../base
replicas:
- name: web
  count: 2
configMapGenerator:
- name: settings
  behavior: merge
  literals:
  - level=warn
secretGenerator:
- name: creds
  literals:
  - password=hunter2
`,
    'overlay/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  };
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
  return path.join(root, 'overlay');
}

describe('kubectl kustomize', () => {
  const home = throwawayHomes();

  it('prints what kubectl kustomize printed for a recorded case, warnings on stderr', () => {
    const h = home();
    const c = golden.cases['base and overlay'];
    for (const [f, text] of Object.entries(c.files)) h.file(path.join('case', f), text as string);
    const r = h.run(['kustomize', c.build], { cwd: path.join(h.dir, 'files', 'case') });
    expect(r).toEqual({ code: 0, stdout: c.stdout, stderr: c.warnings.map((w) => w + '\n').join('') });
  });

  it('builds the current directory without an argument and writes to -o PATH', () => {
    const h = home();
    const overlay = writeTree(path.join(h.dir, 'files'));
    const printed = h.ok('kustomize', overlay);
    const out = path.join(h.dir, 'out.yaml');
    expect(h.run(['kustomize', '-o', out], { cwd: overlay })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(out, 'utf8')).toBe(printed);
    expect(printed.split('---\n').map((d) => /\nkind: (\w+)/.exec(d)?.[1])).toEqual(['Namespace', 'ConfigMap', 'Secret', 'Deployment']);
  });

  it('logs a failed build as kubectl does and exits 1', () => {
    const h = home();
    const dir = path.join(h.dir, 'files', 'empty');
    fs.mkdirSync(dir, { recursive: true });
    const r = h.run(['kustomize', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^E\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ run\\.go:72\\] "command failed" err="unable to find one of 'kustomization\\.yaml', 'kustomization\\.yml' or 'Kustomization' in directory '${dir.replace(/[.]/g, '\\.')}'"\\n$`),
    );
    const two = h.run(['kustomize', dir, dir]);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/"command failed" err="specify one path to kustomization.yaml"\n$/);
  });
});

/** klog's header carries the time and the process id. */
const klog = (text: string) => text.replace(/^([IFWE])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID ');

/**
 * What kustomize logs through Go's log package kubectl prints as klog info lines (log.go:245),
 * after the deprecation warnings: recorded from kubectl v1.32 for `kubectl kustomize` and for
 * `apply -k` (whose resource builder always asks for the legacy order, so sortOptions warn).
 */
describe("kustomize's log lines", () => {
  const home = throwawayHomes();
  const SORT_LOG = "IMMDD hh:mm:ss.uuuuuu PID log.go:245] Warning: Sorting order is set both in 'kustomization.yaml' ('sortOptions') and in a CLI flag ('--reorder'). Using the kustomization file over the CLI flag.\n";

  /** The home's copy of a recorded case's files. */
  function caseDir(h: Home, name: keyof typeof golden.cases): string {
    for (const [f, text] of Object.entries(golden.cases[name].files)) h.file(path.join('case', f), text as string);
    return path.join(h.dir, 'files', 'case');
  }

  it('kubectl kustomize logs the vars it never substituted', () => {
    const h = home();
    const r = h.run(['kustomize', caseDir(h, 'vars: one never used')]);
    expect({ ...r, stderr: klog(r.stderr) }).toEqual({
      code: 0,
      stdout: golden.cases['vars: one never used'].stdout,
      stderr:
        "# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically.\n" +
        'IMMDD hh:mm:ss.uuuuuu PID log.go:245] well-defined vars that were never replaced: UNUSED\n',
    });
  });

  it('apply -k logs the unused vars too', () => {
    const h = home();
    const r = h.run(['apply', '-k', caseDir(h, 'vars: one never used'), '--dry-run=client', '-o', 'name']);
    expect({ ...r, stderr: klog(r.stderr) }).toEqual({
      code: 0,
      stdout: 'pod/p\n',
      stderr:
        "# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically.\n" +
        'IMMDD hh:mm:ss.uuuuuu PID log.go:245] well-defined vars that were never replaced: UNUSED\n',
    });
  });

  it('apply -k warns about a kustomization with sortOptions, which still decide the order', () => {
    const h = home();
    const r = h.run(['apply', '-k', caseDir(h, 'sortOptions fifo'), '--dry-run=client', '-o', 'name']);
    expect({ ...r, stderr: klog(r.stderr) }).toEqual({ code: 0, stdout: 'deployment.apps/web\nconfigmap/c\nnamespace/n\n', stderr: SORT_LOG });
  });

  it('apply -k warns before refusing sortOptions without an order', () => {
    const h = home();
    const r = h.run(['apply', '-k', caseDir(h, 'error: empty sortOptions with --reorder'), '--dry-run=client', '-o', 'name']);
    expect({ ...r, stderr: klog(r.stderr) }).toEqual({ code: 1, stdout: '', stderr: SORT_LOG + "error: the field 'sortOptions.order' must be one of [fifo, legacy]\n" });
  });

  it('kubectl kustomize without --reorder does not warn about sortOptions', () => {
    const h = home();
    const dir = caseDir(h, 'sortOptions fifo');
    expect(h.run(['kustomize', dir])).toEqual({ code: 0, stdout: golden.cases['sortOptions fifo'].stdout, stderr: '' });
  });
});

describe('apply -k, get -k, diff -k, replace -k, delete -k', () => {
  const home = throwawayHomes();

  /** A home of its own with the tree written in it; `applied` applies the overlay first. */
  function withTree(applied: boolean): { h: Home; overlay: string } {
    const h = home();
    const overlay = writeTree(path.join(h.dir, 'files'));
    if (applied) h.ok('apply', '-k', overlay);
    return { h, overlay };
  }

  it('apply -k creates the built objects in kustomize order', () => {
    const { h, overlay } = withTree(false);
    expect(h.run(['apply', '-k', overlay])).toEqual({
      code: 0,
      stdout: [
        'namespace/shop created',
        'configmap/prod-settings-ff798ch857 created',
        'secret/prod-creds-cf85kd65mm created',
        'deployment.apps/prod-web created',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('get -k reads the same objects; the Deployment refers to the hashed ConfigMap', () => {
    const { h, overlay } = withTree(true);
    expect(h.ok('get', '-k', overlay, '-o', 'name')).toBe(
      'namespace/shop\nconfigmap/prod-settings-ff798ch857\nsecret/prod-creds-cf85kd65mm\ndeployment.apps/prod-web\n',
    );
    expect(h.ok('get', 'deploy', 'prod-web', '-n', 'shop', '-o', 'jsonpath={.spec.replicas} {.spec.selector.matchLabels} {.spec.template.spec.containers[0].envFrom[0].configMapRef.name}')).toBe(
      '2 {"app":"web","env":"prod"} prod-settings-ff798ch857',
    );
    expect(h.ok('get', 'cm', 'prod-settings-ff798ch857', '-n', 'shop', '-o', 'jsonpath={.data.level}')).toBe('warn');
  });

  it('apply -k again changes nothing, and diff -k finds no difference', () => {
    const { h, overlay } = withTree(true);
    expect(h.ok('apply', '-k', overlay)).toBe(
      'namespace/shop unchanged\nconfigmap/prod-settings-ff798ch857 unchanged\nsecret/prod-creds-cf85kd65mm unchanged\ndeployment.apps/prod-web unchanged\n',
    );
    expect(h.run(['diff', '-k', overlay])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('replace -k replaces every object', () => {
    const { h, overlay } = withTree(true);
    expect(h.ok('replace', '-k', overlay)).toBe(
      'namespace/shop replaced\nconfigmap/prod-settings-ff798ch857 replaced\nsecret/prod-creds-cf85kd65mm replaced\ndeployment.apps/prod-web replaced\n',
    );
  });

  it('delete -k deletes them', () => {
    const { h, overlay } = withTree(true);
    expect(h.ok('delete', '-k', overlay)).toBe(
      'namespace "shop" deleted\nconfigmap "prod-settings-ff798ch857" deleted\nsecret "prod-creds-cf85kd65mm" deleted\ndeployment.apps "prod-web" deleted\n',
    );
    expect(h.run(['get', 'deploy,cm', '-n', 'shop'])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('-k errors', () => {
  const home = throwawayHomes();

  it('create -k creates; a second create -k reports what exists', () => {
    const h = home();
    const overlay = writeTree(path.join(h.dir, 'files'));
    expect(h.ok('create', '-k', overlay)).toBe(
      'namespace/shop created\nconfigmap/prod-settings-ff798ch857 created\nsecret/prod-creds-cf85kd65mm created\ndeployment.apps/prod-web created\n',
    );
    const again = h.run(['create', '-k', overlay]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error from server (AlreadyExists): error when creating "' + overlay + '": namespaces "shop" already exists\n');
  });

  it.each([
    [['apply', '-k', 'x', '-f', 'y'], 'error: only one of -f or -k can be specified\n'],
    [['create', '-k', 'x', '-R'], "error: the -k flag can't be used with -f or -R\n"],
    [['delete', '-k', 'x', '-f', 'y'], 'error: only one of -f or -k can be specified\n'],
    [['get', '-k', 'x', '-f', 'y'], 'error: only one of -f or -k can be specified\n'],
  ])('%j', (args, stderr) => {
    const h = home();
    const before = h.ok('get', 'ns', '-o', 'name');
    expect(h.run(args)).toEqual({ code: 1, stdout: '', stderr });
    expect(h.ok('get', 'ns', '-o', 'name')).toBe(before);
  });

  it('a build that fails applies nothing and prints kustomize error after "error: "', () => {
    const h = home();
    const dir = path.join(h.dir, 'files', 'broken');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n- cm.yaml\n- missing.yaml\n');
    fs.writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n');
    const missing = path.join(fs.realpathSync(dir), 'missing.yaml');
    const lstat = `evalsymlink failure on '${missing}' : lstat ${missing}: no such file or directory`;
    expect(h.run(['apply', '-k', dir])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: accumulating resources: accumulation err='accumulating resources from 'missing.yaml': ${lstat}': must build at directory: not a valid directory: ${lstat}\n`,
    });
    expect(h.run(['get', 'cm', 'one'])).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): configmaps "one" not found\n' });
  });
});
