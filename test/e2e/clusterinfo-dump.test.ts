// kubectl cluster-info dump through the launcher, compared with what the real kubectl v1.32
// printed and wrote for the same cluster (fixtures/gen-clusterinfo-dump.mjs records it through
// scripts/kubectl-oracle.mjs): the lists in their order and typed form, the logs between their
// markers, the files of --output-directory, and the errors.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home, throwawayHomes } from '../helpers/cli';
import golden from './fixtures/clusterinfo-dump-output.json';

interface Case {
  args: string[];
  before?: Record<string, string | null>;
  stdout: string;
  stderr: string;
  code: number;
  files: Record<string, string>;
}

/** Every file under `dir`, by its path relative to it (as the generator records them). */
function files(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) Object.assign(out, files(path.join(dir, entry.name), rel + '/'));
    else out[rel] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return out;
}

const cases = golden.cases as Case[];
const recorded = (args: string[]) => cases.find((c) => JSON.stringify(c.args) === JSON.stringify(args))!;

describe('kubectl cluster-info dump, as kubectl v1.32 dumps the same cluster', () => {
  // The cluster is made once; each test gets its own copy of the home.
  const base = new Home();
  const home = throwawayHomes();
  beforeAll(() => {
    for (const step of golden.setup as { args: string[]; input?: string }[]) {
      const r = base.run(step.args, { input: step.input });
      if (r.code !== 0) throw new Error(`setup ${step.args.join(' ')}: ${r.stderr}`);
    }
  });
  afterAll(() => base.remove());

  /** A copy of the cluster's home, and an empty directory (with the case's files) to run in. */
  function prepared(before: Case['before'] = {}): { h: Home; cwd: string } {
    const h = home();
    fs.cpSync(base.dir, h.dir, { recursive: true });
    const cwd = path.join(h.dir, 'cwd');
    fs.mkdirSync(cwd);
    for (const [p, content] of Object.entries(before)) {
      if (content === null) fs.mkdirSync(path.join(cwd, p), { recursive: true });
      else fs.writeFileSync(path.join(cwd, p), content);
    }
    return { h, cwd };
  }

  for (const c of cases) {
    const named = c.args.slice(2).join(' ') || '(no flags)';
    it(c.before ? `${named} (${Object.keys(c.before).join(', ')} there before)` : named, () => {
      const { h, cwd } = prepared(c.before);
      const r = h.run(c.args, { cwd });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: c.code, stderr: c.stderr });
      expect(r.stdout).toBe(c.stdout);
      expect(files(cwd)).toEqual(c.files);
    });
  }

  it('dumps the current namespace of the kubeconfig context beside kube-system', () => {
    const { h, cwd } = prepared();
    h.ok('config', 'set-context', '--current', '--namespace=other');
    const args = recorded(['cluster-info', 'dump', '-n', 'other', '-o', 'jsonpath={.kind} {.metadata.resourceVersion}: {.items[*].metadata.name}{"\\n"}']);
    expect(h.run(args.args.filter((a, i, all) => a !== '-n' && all[i - 1] !== '-n'), { cwd }).stdout).toBe(args.stdout);
  });

  it('writes nothing to the store', () => {
    const { h, cwd } = prepared();
    const before = h.storeHash();
    h.ok('cluster-info', 'dump', '-A');
    h.run(['cluster-info', 'dump', '--output-directory=out'], { cwd });
    expect(h.storeHash()).toBe(before);
  });
});

describe('kubectl cluster-info dump: managedFields', () => {
  const home = throwawayHomes();
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: mf
  managedFields:
  - manager: someone
    operation: Update
    apiVersion: apps/v1
    time: "2026-11-26T12:00:00Z"
    fieldsType: FieldsV1
    fieldsV1: {"f:spec": {"f:replicas": {}}}
spec:
  replicas: 1
  selector: {matchLabels: {app: mf}}
  template:
    metadata: {labels: {app: mf}}
    spec:
      containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
`;

  it('leaves them out of JSON and YAML unless --show-managed-fields, and templates always see them', () => {
    const h = home();
    h.ok('create', '-f', h.file('mf.yaml', deployment));
    const dump = (...flags: string[]) => h.ok('cluster-info', 'dump', '--namespaces=default', ...flags);
    // OmitManagedFieldsPrinter wraps the JSON and YAML printers only.
    expect(dump()).not.toContain('managedFields');
    expect(dump('-o', 'yaml')).not.toContain('managedFields');
    expect(dump('--show-managed-fields')).toContain('"managedFields": [\n                    {\n                        "manager": "someone",');
    expect(dump('-o', 'yaml', '--show-managed-fields')).toContain('    managedFields:\n    - apiVersion: apps/v1\n');
    expect(dump('-o', 'jsonpath={.items[*].metadata.managedFields[*].manager}')).toContain('someone');
    expect(dump('--show-managed-fields=false')).not.toContain('managedFields');
  });
});
