// Declarative and imperative updates through the launcher: apply's strategic three-way merge,
// patch of each type, edit through an EDITOR script, replace (and --force).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deploymentManifest } from '../helpers/manifests';
import { Home, throwawayHomes } from '../helpers/cli';

const deployment = (name: string, spec = '', container = '') => deploymentManifest(name, { spec, container });

const home = throwawayHomes();

/** A home of its own with deployment web created by `create deployment web FLAGS`. */
function withWeb(...flags: string[]): Home {
  const h = home();
  h.ok('create', 'deployment', 'web', ...flags);
  return h;
}

describe('apply with strategic merge', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('changes a bare pod image and leaves what the server filled in', () => {
    const f = h.file('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n');
    expect(h.ok('apply', '-f', f)).toBe('pod/p created\n');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('1.25', '1.26'));
    expect(h.ok('apply', '-f', f)).toBe('pod/p configured\n');
    expect(h.ok('apply', '-f', f)).toBe('pod/p unchanged\n');
    const pod = JSON.parse(h.ok('get', 'pod', 'p', '-o', 'json'));
    expect(pod.spec.containers[0].image).toBe('nginx:1.26');
    expect(pod.spec.containers[0].volumeMounts[0].mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
  });

  it('removes a field the manifest dropped and keeps one set by someone else', () => {
    const f = h.file('d.yaml', deployment('keep', '  minReadySeconds: 2\n', '        env:\n        - name: A\n          value: "1"\n        - name: B\n          value: "2"\n'));
    h.ok('apply', '-f', f);
    h.ok('scale', 'deploy/keep', '--replicas=3');
    fs.writeFileSync(f, deployment('keep', '', '        env:\n        - name: B\n          value: "3"\n'));
    expect(h.ok('apply', '-f', f)).toBe('deployment.apps/keep configured\n');
    const d = JSON.parse(h.ok('get', 'deploy', 'keep', '-o', 'json'));
    expect(d.spec.minReadySeconds).toBeUndefined();
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '3' }]);
  });

  it('switches a Deployment to Recreate, clearing rollingUpdate (retainKeys)', () => {
    const f = h.file('r.yaml', deployment('recreate'));
    h.ok('apply', '-f', f);
    fs.writeFileSync(f, deployment('recreate', '  strategy:\n    type: Recreate\n'));
    expect(h.ok('apply', '-f', f)).toBe('deployment.apps/recreate configured\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'recreate', '-o', 'json')).spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('names the patch when the server refuses it', () => {
    const f = h.file('stale.yaml', deployment('stale'));
    h.ok('apply', '-f', f);
    const live = h.ok('get', 'deploy', 'stale', '-o', 'yaml');
    fs.writeFileSync(f, live);
    h.ok('scale', 'deploy/stale', '--replicas=2');
    const r = h.run(['apply', '-f', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^Error from server \\(Conflict\\): error when applying patch:\\n\\{.*\\}\\nto:\\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\\nName: "stale", Namespace: "default"\\nfor: "${f}": error when patching "${f}": Operation cannot be fulfilled on deployments.apps "stale": the object has been modified; please apply your changes to the latest version and try again\\n$`),
    );
  });
});

describe('kubectl patch', () => {
  it('patches with each type and says when nothing changed', () => {
    const h = withWeb('--image=nginx:1.25');
    expect(h.ok('patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}')).toBe('deployment.apps/web patched\n');
    expect(h.ok('patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}')).toBe('deployment.apps/web patched (no change)\n');
    expect(h.ok('patch', 'deploy/web', '--type', 'merge', '-p', 'metadata: {labels: {tier: front}}')).toBe('deployment.apps/web patched\n');
    expect(h.ok('patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]')).toBe('deployment.apps/web patched\n');
    const patchFile = h.file('image.yaml', 'spec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.26\n');
    expect(h.ok('patch', 'deploy', 'web', '--patch-file', patchFile)).toBe('deployment.apps/web patched\n');
    const d = JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json'));
    expect([d.spec.replicas, d.metadata.labels.tier, d.spec.template.spec.containers.map((c: { image: string }) => c.image)]).toEqual([3, 'front', ['nginx:1.26']]);
  });

  it('previews without a dry-run suffix and changes nothing', () => {
    const h = withWeb('--image=nginx:1.25', '--replicas=3');
    const out = h.ok('patch', 'deploy', 'web', '--dry-run=client', '-p', '{"spec":{"replicas":9}}');
    expect(out).toBe('deployment.apps/web patched\n');
    expect(h.ok('patch', 'deploy', 'web', '--dry-run=server', '-p', '{"spec":{"replicas":9}}')).toBe('deployment.apps/web patched\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).spec.replicas).toBe(3);
  });

  it('fails like kubectl and the API server on bad patches', () => {
    const h = withWeb('--image=nginx:1.25');
    const cases: [string[], string][] = [
      [['patch', 'deploy', 'web'], 'error: must specify --patch or --patch-file containing the contents of the patch\n'],
      [['patch', 'deploy', 'web', '--type', 'bogus', '-p', '{}'], 'error: --type must be one of [json merge strategic], not "bogus"\n'],
      [['patch', 'deploy', 'web', '-p', '{"spec":'], 'Error from server (BadRequest): unexpected end of JSON input\n'],
      [['patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":}'], `Error from server (BadRequest): error decoding patch: invalid character '}' looking for beginning of value\n`],
      [['patch', 'deploy', 'web', '--type=json', '-p', '{}'], 'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n'],
      [['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/nope/x","value":1}]'], 'The request is invalid: the server rejected our request due to an error in our request\n'],
      [['patch', 'deploy', 'nope', '-p', '{}'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
      [['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'], 'Error from server (BadRequest): map: map[image:x] does not contain declared merge key: name\n'],
    ];
    for (const [args, err] of cases) expect({ args, ...h.run(args) }).toEqual({ args, code: 1, stdout: '', stderr: err });
    expect(h.run(['patch', 'deploy', 'web', '-p', '{"spec":{"foo":1}}'])).toEqual({ code: 0, stdout: 'deployment.apps/web patched (no change)\n', stderr: 'Warning: unknown field "spec.foo"\n' });
  });
});

describe('kubectl edit', () => {
  const editor = (h: Home, name: string, script: string) => {
    const f = h.file(name, `#!/bin/sh\n${script}\n`);
    fs.chmodSync(f, 0o755);
    return f;
  };

  it('edits through $EDITOR, cancels when nothing changed', () => {
    const h = withWeb('--image=nginx:1.25');
    const seen = path.join(h.dir, 'seen.yaml');
    const ed = editor(h, 'replicas.sh', `cp "$1" ${seen}\nsed -i 's/replicas: 1$/replicas: 2/' "$1"`);
    expect(h.run(['edit', 'deploy', 'web'], { env: { EDITOR: ed } })).toEqual({ code: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
    const shown = fs.readFileSync(seen, 'utf8');
    expect(shown.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n")).toBe(true);
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).spec.replicas).toBe(2);
    expect(h.run(['edit', 'deploy', 'web'], { env: { EDITOR: 'true' } })).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    // KUBE_EDITOR wins over EDITOR.
    expect(h.run(['edit', 'deploy', 'web'], { env: { KUBE_EDITOR: 'true', EDITOR: ed } }).stderr).toBe('Edit cancelled, no changes made.\n');
  });

  it('reopens an invalid edit with the reasons on top, and gives up when saved unchanged', () => {
    const h = withWeb('--image=nginx:1.25', '--replicas=2');
    const seen = path.join(h.dir, 'second.yaml');
    const ed = editor(h, 'invalid.sh', `if grep -q 'was not valid' "$1"; then cp "$1" ${seen}; else sed -i 's/replicas: 2$/replicas: -1/' "$1"; fi`);
    const r = h.run(['edit', 'deploy', 'web'], { env: { EDITOR: ed } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: deployments.apps "web" is invalid\nA copy of your changes has been stored to ".*kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved.\n$/);
    expect(fs.readFileSync(seen, 'utf8')).toMatch(
      /^# Please edit the object below[^]*#\n# deployments.apps "web" was not valid:\n# \* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps\/v1\n/,
    );
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).spec.replicas).toBe(2);
  });

  it('refuses a changed name', () => {
    const h = withWeb('--image=nginx:1.25');
    const ed = editor(h, 'rename.sh', `sed -i 's/^  name: web$/  name: other/' "$1"`);
    const r = h.run(['edit', 'deploy', 'web'], { env: { EDITOR: ed } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/A copy of your changes has been stored to ".*"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });
});

describe('kubectl replace', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('replaces whole objects, and with --force deletes and creates them', () => {
    const f = h.file('web.yaml', deployment('web', '  replicas: 2\n'));
    expect(h.run(['replace', '-f', f])).toEqual({ code: 1, stdout: '', stderr: `Error from server (NotFound): error when replacing "${f}": deployments.apps "web" not found\n` });
    h.ok('create', '-f', f);
    h.ok('label', 'deploy', 'web', 'extra=1');
    expect(h.ok('replace', '-f', f)).toBe('deployment.apps/web replaced\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).metadata.labels).toBeUndefined();
    const uid = JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).metadata.uid;
    expect(h.ok('replace', '-f', f, '--force')).toBe('deployment.apps "web" deleted\ndeployment.apps/web replaced\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).metadata.uid).not.toBe(uid);
    expect(h.run(['replace'])).toEqual({ code: 1, stdout: '', stderr: 'error: must specify --filename to replace\n' });
  });
});

describe('kubectl label and annotate', () => {
  it('adds, refuses to overwrite, overwrites and removes labels', () => {
    const h = withWeb('--image=nginx');
    expect(h.ok('label', 'deploy', 'web', 'tier=front')).toBe('deployment.apps/web labeled\n');
    expect(h.run(['label', 'deploy', 'web', 'tier=back'])).toEqual({ code: 1, stdout: '', stderr: "error: 'tier' already has a value (front), and --overwrite is false\n" });
    expect(h.ok('label', 'deploy', 'web', 'tier=back', '--overwrite')).toBe('deployment.apps/web labeled\n');
    expect(h.ok('label', 'deploy', 'web', 'tier=back')).toBe('deployment.apps/web not labeled\n');
    expect(h.ok('label', 'deploy', 'web', 'tier-')).toBe('deployment.apps/web unlabeled\n');
    expect(h.ok('label', 'deploy', 'web', 'gone-')).toBe('label "gone" not found.\ndeployment.apps/web not labeled\n');
    expect(h.ok('label', 'deploy', 'web', '--list')).toBe('app=web\n');
    expect(h.ok('label', 'pods', '--all', 'x=y', '--dry-run=client').trim().split('\n')).toEqual([expect.stringMatching(/^pod\/web-\w+-\w+ labeled \(dry run\)$/)]);
    expect(h.run(['label', 'deploy', 'web', 'a=1', 'extra']).stderr).toBe('error: all resources must be specified before label changes: extra\n');
    expect(h.run(['label', 'deploy', 'web']).stderr).toBe('error: at least one label update is required\n');
    expect(h.run(['label', 'deploy', 'web', 'a=b=c']).stderr).toBe('error: invalid label spec: a=b=c\n');
  });

  it('annotates, and says what it would overwrite', () => {
    const h = withWeb('--image=nginx');
    expect(h.ok('annotate', 'deploy', 'web', 'note=hi')).toBe('deployment.apps/web annotated\n');
    expect(h.run(['annotate', 'deploy', 'web', 'note=ho']).stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
    );
    expect(h.ok('annotate', 'deploy', 'web', 'note=ho', '--overwrite')).toBe('deployment.apps/web annotated\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).metadata.annotations.note).toBe('ho');
    expect(h.ok('annotate', 'deploy', 'web', 'note-')).toBe('deployment.apps/web annotated\n');
    expect(JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).metadata.annotations.note).toBeUndefined();
  });
});

describe('kubectl set', () => {
  const containers = (h: Home) => JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json')).spec.template.spec.containers;

  it('sets variables from a Secret’s keys with --from=secret/NAME, as from a ConfigMap’s', () => {
    const h = withWeb('--image=nginx:1.25');
    h.ok('apply', '-f', h.file('s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s1\ndata:\n  api-key: eA==\n'));
    const r = h.run(['set', 'env', 'deploy/web', '--from=secret/s1']);
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/web env updated\n', stderr: 'Warning: key api-key transferred to API_KEY\n' });
    expect(containers(h)[0].env).toEqual([{ name: 'API_KEY', valueFrom: { secretKeyRef: { key: 'api-key', name: 's1' } } }]);
  });

  it('sets images, and says nothing when nothing changes', () => {
    const h = withWeb('--image=nginx:1.25');
    expect(h.ok('set', 'image', 'deploy/web', 'nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    expect(h.run(['set', 'image', 'deploy/web', 'nginx=nginx:1.26'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(h.ok('set', 'image', 'deploy/web', '*=nginx:1.27', '--dry-run=client')).toBe('deployment.apps/web image updated (dry run)\n');
    expect(containers(h)[0].image).toBe('nginx:1.26');
    expect(h.run(['set', 'image', 'deploy/web', 'nope=x'])).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find container named "nope"\n' });
    expect(h.run(['set', 'image', 'deploy/web']).stderr).toBe('error: at least one image update is required\n');
    expect(h.run(['set', 'image', 'deploy/nope', 'a=b']).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('sets, lists and removes environment variables, also from a ConfigMap', () => {
    const h = withWeb('--image=nginx:1.25');
    expect(h.ok('set', 'env', 'deploy/web', 'A=1', 'B=2')).toBe('deployment.apps/web env updated\n');
    expect(h.ok('set', 'env', 'deploy/web', 'A-')).toBe('deployment.apps/web env updated\n');
    // kubectl v1.32 against this cluster (scripts/kubectl-oracle.mjs): cli-runtime's Info.ObjectName
    // names a fetched object by its mapping's resource alone, without the group.
    expect(h.run(['set', 'env', 'deploy/web', 'B=3', '--overwrite=false'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: deployments/web 'B' already has a value (2), and --overwrite is false\n",
    });
    h.ok('create', 'configmap', 'cfg', '--from-literal=log.level=debug');
    const from = h.run(['set', 'env', 'deploy/web', '--from=configmap/cfg']);
    expect(from).toEqual({ code: 0, stdout: 'deployment.apps/web env updated\n', stderr: 'Warning: key log.level transferred to LOG_LEVEL\n' });
    expect(h.ok('set', 'env', 'deploy/web', '--list')).toBe('# Deployment web, container nginx\nB=2\n# LOG_LEVEL from configmap cfg, key log.level\n');
  });

  it('refuses objects without a pod template as kubectl does, the containers not found first (recorded with scripts/kubectl-oracle.mjs)', () => {
    const h = withWeb('--image=nginx:1.25');
    h.ok('create', 'configmap', 'cfg', '--from-literal=a=1');
    const notPod = 'error: configmaps/cfg the object is not a pod or does not have a pod template: *v1.ConfigMap\n';
    expect(h.run(['set', 'resources', 'configmap/cfg', '--limits=cpu=1'])).toEqual({ code: 1, stdout: '', stderr: notPod });
    expect(h.run(['set', 'image', 'configmap/cfg', 'deploy/web', 'nope=x'])).toEqual({ code: 1, stdout: '', stderr: `error: unable to find container named "nope"\n${notPod}\n` });
  });

  it('sets resource requests and limits', () => {
    const h = withWeb('--image=nginx:1.25');
    expect(h.ok('set', 'resources', 'deploy/web', '--limits=cpu=200m,memory=512Mi', '--requests=cpu=0.1')).toBe('deployment.apps/web resource requirements updated\n');
    expect(containers(h)[0].resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m' } });
    expect(h.run(['set', 'resources', 'deploy/web']).stderr).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    expect(h.run(['set', 'resources', 'deploy/web', '-c', 'nope', '--limits=cpu=1']).stderr).toBe('error: unable to find container named nope\n');
  });
});
