// API semantics through the client: system fields, conflicts, generation, status, no-op writes,
// finalizers, graceful deletion, admission and strict decoding.
import { describe, expect, it } from 'vitest';
import { configmap } from '../../src/api/kinds/configmap';
import { deployment } from '../../src/api/kinds/deployment';
import { namespace } from '../../src/api/kinds/namespace';
import { pod } from '../../src/api/kinds/pod';
import type { ConfigMap, Deployment, KubeObject, Namespace, Pod } from '../../src/api/types';
import { newWorld, statusOf } from '../helpers/world';

function cm(name: string, data: Record<string, string> = { a: '1' }): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data };
}

function deploy(name: string, extra: Record<string, unknown> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
      ...extra,
    },
  } as Deployment;
}


describe('the API server', () => {
  it('sets uid, resourceVersion, creationTimestamp and generation on create', () => {
    const { client } = newWorld({ bootstrap: false });
    client.create(namespace.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const d = client.create(deployment.type, deploy('web'));
    expect(d.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(d.metadata.creationTimestamp).toBe('2026-11-26T12:00:00Z');
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({});
  });

  it('defaults a Deployment the way kube-apiserver does', () => {
    const { client } = newWorld();
    const d = client.create<Deployment>(deployment.type, deploy('web'));
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              name: 'web',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('admits pods with the service account volume, priority and default tolerations', () => {
    const { client } = newWorld();
    const p = client.create<Pod>(pod.type, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    expect(p.spec.serviceAccountName).toBe('default');
    expect(p.spec.priority).toBe(0);
    expect(p.spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(p.spec.enableServiceLinks).toBe(true);
    expect(p.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(p.spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    const vol = p.spec.volumes![0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol.name, readOnly: true }]);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('refuses an existing name, a stale resourceVersion and a missing namespace', () => {
    const { client } = newWorld();
    const first = client.create(configmap.type, cm('x'));
    expect(statusOf(() => client.create(configmap.type, cm('x'))).message).toBe('configmaps "x" already exists');
    client.update(configmap.type, { ...first, data: { a: '2' } });
    const stale = statusOf(() => client.update(configmap.type, { ...first, data: { a: '3' } }));
    expect(stale.reason).toBe('Conflict');
    expect(stale.message).toBe(
      'Operation cannot be fulfilled on configmaps "x": the object has been modified; please apply your changes to the latest version and try again',
    );
    const missing = statusOf(() => client.create(configmap.type, { ...cm('y'), metadata: { name: 'y', namespace: 'nope' } }));
    expect(missing.message).toBe('namespaces "nope" not found');
  });

  it('bumps generation on spec changes only, and keeps status on main writes', () => {
    const { client } = newWorld({ bootstrap: false });
    client.create(namespace.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const d = client.create<Deployment>(deployment.type, deploy('web'));
    const labelled = client.update<Deployment>(deployment.type, { ...d, metadata: { ...d.metadata, labels: { x: 'y' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = client.update<Deployment>(deployment.type, { ...labelled, spec: { ...labelled.spec, replicas: 3 }, status: { replicas: 99 } });
    expect(scaled.metadata.generation).toBe(2);
    expect(scaled.status).toEqual({});
    const withStatus = client.updateStatus<Deployment>(deployment.type, { ...scaled, spec: { ...scaled.spec, replicas: 7 }, status: { replicas: 3 } });
    expect(withStatus.status).toEqual({ replicas: 3 });
    expect(withStatus.spec.replicas).toBe(3);
    expect(withStatus.metadata.generation).toBe(2);
  });

  it('suppresses writes that change nothing', () => {
    const { client, server } = newWorld();
    const x = client.create(configmap.type, cm('x'));
    const before = server.writeCount;
    const same = client.update(configmap.type, { ...x });
    expect(server.writeCount).toBe(before);
    expect(same.metadata.resourceVersion).toBe(x.metadata.resourceVersion);
  });

  it('rejects unknown fields and wrong types as the decoder words them', () => {
    const { client } = newWorld();
    const unknown = statusOf(() => client.create(deployment.type, deploy('web', { replica: 3, foo: { bar: 1 } }), { fieldValidation: 'Strict' }));
    expect(unknown.reason).toBe('BadRequest');
    expect(unknown.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.replica"',
    );
    // A request that names no validation gets the API server's default, Warn: dropped, with warnings.
    const warned = client.create<Deployment>(deployment.type, deploy('web', { replica: 3 }));
    expect((warned.spec as unknown as Record<string, unknown>).replica).toBeUndefined();
    expect(client.takeWarnings()).toEqual(['unknown field "spec.replica"']);
    const typed = statusOf(() => client.create(deployment.type, deploy('web', { replicas: '3' })));
    expect(typed.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('validates with the API server messages', () => {
    const { client } = newWorld();
    const e = statusOf(() =>
      client.create(deployment.type, {
        ...deploy('web', { replicas: -1 }),
        spec: { ...deploy('web').spec, replicas: -1, selector: { matchLabels: { app: 'other' } } },
      } as KubeObject),
    );
    expect(e.reason).toBe('Invalid');
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    );
  });

  it('rejects a selector that is not a valid label selector and then skips the template', () => {
    const { client } = newWorld();
    const spec = deploy('web').spec as Deployment['spec'];
    const e = statusOf(() =>
      client.create(deployment.type, {
        ...deploy('web'),
        spec: { ...spec, selector: { matchExpressions: [{ key: 'app', operator: 'Is', values: ['web'] }, { key: 'x', operator: 'Exists', values: ['y'] }] } },
      } as KubeObject),
    );
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: [spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator, spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\', spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Is", Values:[]string{"web"}}, v1.LabelSelectorRequirement{Key:"x", Operator:"Exists", Values:[]string{"y"}}}}: invalid label selector]',
    );
    // An empty selector is its own error; it is not compared with the template.
    const empty = statusOf(() => client.create(deployment.type, { ...deploy('web'), spec: { ...spec, selector: {} } } as KubeObject));
    expect(empty.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    );
  });

  it('keeps the selector of a Deployment immutable', () => {
    const { client } = newWorld();
    const d = client.create<Deployment>(deployment.type, deploy('web'));
    const e = statusOf(() =>
      client.update(deployment.type, {
        ...d,
        spec: { ...d.spec, selector: { matchLabels: { app: 'web', tier: 'x' } }, template: { ...d.spec.template, metadata: { labels: { app: 'web', tier: 'x' } } } },
      }),
    );
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('holds an object with finalizers until they are removed', () => {
    const { client } = newWorld();
    const x = client.create<ConfigMap>(configmap.type, { ...cm('x'), metadata: { name: 'x', namespace: 'default', finalizers: ['example.com/hold'] } });
    const marked = client.delete(configmap.type, 'default', 'x');
    expect(marked.metadata.deletionTimestamp).toBe('2026-11-26T12:00:00Z');
    expect(client.tryGet(configmap.type, 'default', 'x')).toBeDefined();
    const current = client.get(configmap.type, 'default', 'x');
    client.update(configmap.type, { ...current, metadata: { ...current.metadata, finalizers: [] } });
    expect(client.tryGet(configmap.type, 'default', 'x')).toBeUndefined();
    expect(x.metadata.uid).toBeDefined();
  });

  it('refuses to delete the system namespaces and new content in a terminating one', () => {
    const { client } = newWorld();
    expect(statusOf(() => client.delete(namespace.type, undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    client.create(namespace.type, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    const ns = client.delete(namespace.type, undefined, 'dev') as Namespace;
    expect(ns.status?.phase).toBe('Terminating');
    expect(statusOf(() => client.create(configmap.type, { ...cm('x'), metadata: { name: 'x', namespace: 'dev' } })).message).toBe(
      'configmaps "x" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
  });

  it('gives running pods a grace period and deletes unscheduled ones at once', () => {
    const { client, engine } = newWorld();
    const spec = { containers: [{ name: 'c', image: 'nginx' }] };
    client.create(pod.type, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'run', namespace: 'default' }, spec });
    client.create(pod.type, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pending', namespace: 'default' }, spec: { ...spec, nodeSelector: { nowhere: 'x' } } });
    engine.converge();
    const deleting = client.delete(pod.type, 'default', 'run');
    expect(deleting.metadata.deletionTimestamp).toBe('2026-11-26T12:00:30Z');
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(30);
    client.delete(pod.type, 'default', 'pending');
    expect(client.tryGet(pod.type, 'default', 'pending')).toBeUndefined();
    engine.converge();
    expect(client.tryGet(pod.type, 'default', 'run')).toBeUndefined();
  });

  it('forbids users other than the superusers and components until RBAC exists', () => {
    const { client } = newWorld();
    const jane = client.as({ name: 'jane', groups: ['system:authenticated'] });
    expect(statusOf(() => jane.list(pod.type, 'default')).message).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"',
    );
  });
});
