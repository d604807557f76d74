// apply view-last-applied, set-last-applied and edit-last-applied against kubectl v1.32: every
// expected text was recorded from the real kubectl, reading the same objects through
// scripts/kubectl-oracle.mjs (set-last-applied with --dry-run=client; its patches read from -v=9).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Home, throwawayHomes } from '../helpers/cli';

const newHome = throwawayHomes();

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
const CMS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c1
  labels: {app: web}
data: {a: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c2
  labels: {app: other}
data: {b: "2"}
`;
const PLAIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n';
const MISSING = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n';

const C1_YAML = `apiVersion: v1
data:
  a: "1"
kind: ConfigMap
metadata:
  annotations: {}
  labels:
    app: web
  name: c1
  namespace: default
`;
const C2_YAML = `apiVersion: v1
data:
  b: "2"
kind: ConfigMap
metadata:
  annotations: {}
  labels:
    app: other
  name: c2
  namespace: default
`;

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

/** A home with web and c1, c2 applied, and plain created without the annotation. */
function applied(): { h: Home; cms: string; plain: string; missing: string } {
  const h = newHome();
  const cms = h.file('cms.yaml', CMS);
  h.ok('apply', '-f', h.file('deploy.yaml', DEPLOY), '-f', cms);
  h.ok('create', 'configmap', 'plain', '--from-literal=x=1');
  return { h, cms, plain: h.file('plain.yaml', PLAIN), missing: h.file('missing.yaml', MISSING) };
}

const ok = (stdout: string) => ({ code: 0, stdout, stderr: '' });
const fail = (stderr: string) => ({ code: 1, stdout: '', stderr });

describe('apply view-last-applied', () => {
  it('prints the recorded configuration as YAML, or as indented JSON', () => {
    const { h } = applied();
    expect(h.run(['apply', 'view-last-applied', 'deploy/web'])).toEqual(
      ok(`apiVersion: apps/v1
kind: Deployment
metadata:
  annotations: {}
  labels:
    app: web
  name: web
  namespace: default
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
      - image: nginx:1.25
        name: nginx
`),
    );
    expect(h.run(['apply', 'view-last-applied', 'cm', 'c1', '-o', 'json'])).toEqual(
      ok(`{
  "apiVersion": "v1",
  "data": {
    "a": "1"
  },
  "kind": "ConfigMap",
  "metadata": {
    "annotations": {},
    "labels": {
      "app": "web"
    },
    "name": "c1",
    "namespace": "default"
  }
}
`),
    );
  });

  it('prints several one after the other: from files, --all, -l; objects named without one are passed over', () => {
    const { h, cms } = applied();
    expect(h.run(['apply', 'view-last-applied', '-f', cms])).toEqual(ok(C1_YAML + C2_YAML));
    expect(h.run(['apply', 'view-last-applied', 'cm', '--all'])).toEqual(ok(C1_YAML + C2_YAML));
    expect(h.run(['apply', 'view-last-applied', 'cm', '-l', 'app=web'])).toEqual(ok(C1_YAML));
    expect(h.run(['apply', 'view-last-applied', '-f', cms, '-l', 'app=web'])).toEqual(ok(C1_YAML));
    expect(h.run(['apply', 'view-last-applied', 'cm', 'plain'])).toEqual(ok(''));
    // The output mode is checked only for what there is to print.
    expect(h.run(['apply', 'view-last-applied', 'cm/plain', '-o', 'wide'])).toEqual(ok(''));
  });

  it("reports kubectl's errors, printing nothing", () => {
    const { h, cms, plain, missing } = applied();
    expect(h.run(['apply', 'view-last-applied', '-f', cms, '-f', plain])).toEqual(
      fail(`error: error when no last-applied-configuration annotation found on resource: plain\n ${JSON.stringify(plain)}: <nil>\n`),
    );
    expect(h.run(['apply', 'view-last-applied', '-f', cms, '-f', missing])).toEqual(fail('Error from server (NotFound): configmaps "nope" not found\n'));
    expect(h.run(['apply', 'view-last-applied', 'cm/c1', 'cm/nope', 'cm/c2'])).toEqual(fail('Error from server (NotFound): configmaps "nope" not found\n'));
    expect(h.run(['apply', 'view-last-applied', 'cm/c1', '-o', 'wide'])).toEqual(
      fail("error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n"),
    );
    expect(h.run(['apply', 'view-last-applied', 'cm'])).toEqual(fail('error: resource(s) were provided, but no name was specified\n'));
    expect(h.run(['apply', 'view-last-applied'])).toEqual(fail(NO_RESOURCES));
    expect(h.run(['apply', 'view-last-applied', 'cm', '--all', '-l', 'app=web'])).toEqual(
      fail(`error: found non-empty label selector "app=web" with previously set 'all' parameter. \n`),
    );
    expect(h.run(['apply', 'view-last-applied', 'cm', 'c1', '--all'])).toEqual(fail('error: name cannot be provided when a selector is specified\n'));
    expect(h.run(['apply', 'view-last-applied', 'cm/c1', '--all'])).toEqual(fail('error: selectors and the all flag cannot be used when passing resource/name arguments\n'));
    expect(h.run(['apply', 'view-last-applied', 'cm/c2', '-f', plain])).toEqual(fail('error: resource/name arguments cannot be provided when a path is specified\n'));
    expect(h.run(['apply', 'view-last-applied', 'cm/c1', '-n', 'kube-system'])).toEqual(fail('Error from server (NotFound): configmaps "c1" not found\n'));
  });
});

const CMS_CHANGED = CMS.replace('data: {a: "1"}', 'data: {a: "changed"}');

describe('apply set-last-applied', () => {
  it('records the file as the last-applied configuration, and then has nothing to change', () => {
    const { h } = applied();
    const f = h.file('changed.yaml', CMS_CHANGED);
    expect(h.run(['apply', 'set-last-applied', '-f', f, '--dry-run=client'])).toEqual(ok('configmap/c1 configured (dry run)\nconfigmap/c2 configured (dry run)\n'));
    expect(h.run(['apply', 'set-last-applied', '-f', f, '--dry-run=client', '-o', 'name'])).toEqual(ok('configmap/c1\nconfigmap/c2\n'));
    expect(h.run(['apply', 'set-last-applied', '-f', f])).toEqual(ok('configmap/c1 configured\nconfigmap/c2 configured\n'));
    // The object as the file has it, annotations and all (apply's own record empties them).
    const recorded = JSON.parse(h.ok('get', 'cm', 'c1', '-o', 'json')).metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
    expect(recorded).toBe('{"apiVersion":"v1","data":{"a":"changed"},"kind":"ConfigMap","metadata":{"labels":{"app":"web"},"name":"c1","namespace":"default"}}\n');
    // Nothing else of the object changed.
    expect(JSON.parse(h.ok('get', 'cm', 'c1', '-o', 'json')).data).toEqual({ a: '1' });
    expect(h.run(['apply', 'set-last-applied', '-f', f])).toEqual(ok('set-last-applied c1: no changes required.\nset-last-applied c2: no changes required.\n'));
  });

  it('prints the live objects with -o yaml, separated as one printer does', () => {
    const { h } = applied();
    const r = h.run(['apply', 'set-last-applied', '-f', h.file('changed.yaml', CMS_CHANGED), '--dry-run=client', '-o', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n---\n').map((doc) => /\n {2}name: (\w+)\n/.exec(doc)?.[1])).toEqual(['c1', 'c2']);
    expect(r.stdout).toContain('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"app":"web"},"name":"c1","namespace":"default"}}\n');
  });

  it('needs --create-annotation for an object that has none; the first problem stops it before any write', () => {
    const { h, plain, missing } = applied();
    const f = h.file('changed.yaml', CMS_CHANGED);
    const before = h.storeHash();
    const noAnnotation = fail('error: no last-applied-configuration annotation found on resource: plain, to create the annotation, run the command with --create-annotation\n');
    expect(h.run(['apply', 'set-last-applied', '-f', plain])).toEqual(noAnnotation);
    expect(h.run(['apply', 'set-last-applied', '-f', f, '-f', plain])).toEqual(noAnnotation);
    expect(h.run(['apply', 'set-last-applied', '-f', missing])).toEqual(fail('Error from server (NotFound): configmaps "nope" not found\n'));
    expect(h.run(['apply', 'set-last-applied'])).toEqual(fail(NO_RESOURCES));
    expect(h.run(['apply', 'set-last-applied', 'cm/c1'])).toEqual(fail(NO_RESOURCES));
    expect(h.run(['apply', 'set-last-applied', '-f', f, '--dry-run=bogus'])).toEqual(fail('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'));
    expect(h.run(['apply', 'set-last-applied', '-f', f, '-o', 'wide'])).toEqual(
      fail(
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      ),
    );
    expect(h.storeHash()).toBe(before);
    expect(h.run(['apply', 'set-last-applied', '-f', plain, '--create-annotation'])).toEqual(ok('configmap/plain configured\n'));
    expect(h.run(['apply', 'view-last-applied', 'cm/plain', '-o', 'json'])).toEqual(
      ok('{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {\n    "name": "plain",\n    "namespace": "default"\n  }\n}\n'),
    );
  });
});

describe('apply edit-last-applied', () => {
  const editor = (h: Home, name: string, script: string) => {
    const f = h.file(name, `#!/bin/sh\n${script}\n`);
    fs.chmodSync(f, 0o755);
    return f;
  };
  const HEADER = "# Please edit the 'last-applied-configuration' annotations below.\n# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.\n#\n";

  it('opens the configuration under its own header and writes back what was saved', () => {
    const { h } = applied();
    const seen = path.join(h.dir, 'seen.yaml');
    const ed = editor(h, 'ed.sh', `cp "$1" ${seen}\nsed -i 's/a: "1"/a: "one"/' "$1"`);
    expect(h.run(['apply', 'edit-last-applied', 'cm/c1'], { env: { KUBE_EDITOR: ed } })).toEqual(ok('configmap/c1 edited\n'));
    expect(fs.readFileSync(seen, 'utf8')).toBe(HEADER + C1_YAML);
    expect(h.run(['apply', 'view-last-applied', 'cm/c1'])).toEqual(ok(C1_YAML.replace('a: "1"', 'a: one')));
    // Only the annotation changed.
    expect(JSON.parse(h.ok('get', 'cm', 'c1', '-o', 'json')).data).toEqual({ a: '1' });
    expect(h.run(['apply', 'edit-last-applied', 'cm/c1'], { env: { KUBE_EDITOR: 'true' } })).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
  });

  it('edits several as a List, and JSON with -o json (no header, printed as JSON)', () => {
    const { h, cms } = applied();
    const seen = path.join(h.dir, 'seen.txt');
    const copy = editor(h, 'copy.sh', `cp "$1" ${seen}\necho "$1" > ${seen}.path`);
    expect(h.run(['apply', 'edit-last-applied', '-f', cms], { env: { KUBE_EDITOR: copy } })).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    expect(fs.readFileSync(seen, 'utf8')).toBe(`${HEADER}apiVersion: v1
items:
- apiVersion: v1
  data:
    a: "1"
  kind: ConfigMap
  metadata:
    annotations: {}
    labels:
      app: web
    name: c1
    namespace: default
- apiVersion: v1
  data:
    b: "2"
  kind: ConfigMap
  metadata:
    annotations: {}
    labels:
      app: other
    name: c2
    namespace: default
kind: List
metadata: {}
`);
    const ed = editor(h, 'json.sh', `sed -i 's/"1"/"one"/' "$1"`);
    expect(h.run(['apply', 'edit-last-applied', 'cm/plain', 'cm/c1', '-o', 'json'], { env: { KUBE_EDITOR: copy } }).code).toBe(0);
    expect(fs.readFileSync(`${seen}.path`, 'utf8')).toMatch(/kubectl-edit-\d+\.json\n$/);
    expect(h.run(['apply', 'edit-last-applied', 'cm/c1', '-o', 'json'], { env: { KUBE_EDITOR: ed } })).toEqual(
      ok(`{
    "apiVersion": "v1",
    "data": {
        "a": "one"
    },
    "kind": "ConfigMap",
    "metadata": {
        "annotations": {},
        "labels": {
            "app": "web"
        },
        "name": "c1",
        "namespace": "default"
    }
}
`),
    );
  });

  it('reopens a file that does not parse, and gives up when it is saved unchanged', () => {
    const { h } = applied();
    const seen = path.join(h.dir, 'second.yaml');
    const ed = editor(h, 'bad.sh', `if grep -q 'syntax error' "$1"; then cp "$1" ${seen}; else sed -i 's/^  labels:$/  labels: [x/' "$1"; fi`);
    const r = h.run(['apply', 'edit-last-applied', 'cm/c1'], { env: { KUBE_EDITOR: ed } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^A copy of your changes has been stored to ".*kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved.\n$/);
    expect(fs.readFileSync(seen, 'utf8')).toMatch(/^# Please edit the 'last-applied-configuration' annotations below\.\n.*\n#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: .*\n#\napiVersion: v1\n/);
  });

  it("reports kubectl's errors", () => {
    const { h } = applied();
    const ks = h.file('ks.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ks\n  namespace: kube-system\ndata: {k: "1"}\n');
    h.ok('apply', '-f', ks);
    const env = { env: { KUBE_EDITOR: editor(h, 'k.sh', `sed -i 's/k: "1"/k: "2"/' "$1"\nsed -i 's/name: c1/name: c9/' "$1"`) } };
    const before = h.storeHash();
    expect(h.run(['apply', 'edit-last-applied', 'cm/plain'], env)).toEqual(
      fail('error: no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`\n'),
    );
    expect(h.run(['apply', 'edit-last-applied', 'cm/nope'], env)).toEqual(fail('Error from server (NotFound): configmaps "nope" not found\n'));
    expect(h.run(['apply', 'edit-last-applied'], env)).toEqual(fail(NO_RESOURCES));
    expect(h.run(['apply', 'edit-last-applied', 'cm/c1', '-o', 'name'], env)).toEqual(fail('error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n'));
    expect(h.run(['apply', 'edit-last-applied', 'cm', '-l', 'app=web'], env)).toEqual(fail("Error: unknown shorthand flag: 'l' in -l\nSee 'kubectl apply edit-last-applied --help' for usage.\n"));
    // The saved configuration must be in the command's namespace, even without -n.
    const wrongNs = h.run(['apply', 'edit-last-applied', '-f', ks], env);
    expect(wrongNs.code).toBe(1);
    expect(wrongNs.stderr).toMatch(
      /^A copy of your changes has been stored to ".*"\nerror: the namespace from the provided object "kube-system" does not match the namespace "default"\. You must pass '--namespace=kube-system' to perform this operation\.\n$/,
    );
    // A renamed configuration is written to the object of that name.
    const renamed = h.run(['apply', 'edit-last-applied', 'cm/c1'], env);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toMatch(/^A copy of your changes has been stored to ".*"\nError from server \(NotFound\): configmaps "c9" not found\n$/);
    expect(h.storeHash()).toBe(before);
    expect(h.run(['apply', 'edit-last-applied', '-f', ks, '-n', 'kube-system'], env)).toEqual(ok('configmap/ks edited\n'));
  });
});
