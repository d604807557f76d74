// Server-side defaults of PodSpec and Container (k8s.io/kubernetes pkg/apis/core/v1/defaults.go).
import type { Container, PodSpec, PodTemplateSpec } from '../types';

/** `Always` for `:latest` or untagged images, `IfNotPresent` otherwise (digests count as tags). */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

type Probe = Record<string, unknown> & { httpGet?: Record<string, unknown> };

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) p.httpGet.scheme ??= 'HTTP';
  const grpc = p.grpc as Record<string, unknown> | undefined;
  if (grpc) grpc.service ??= '';
}

function defaultFieldRefs(items: { fieldRef?: { apiVersion?: string } }[] | undefined): void {
  for (const it of items ?? []) if (it.fieldRef) it.fieldRef.apiVersion ??= 'v1';
}

export function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const e of c.env ?? []) defaultFieldRefs(e.valueFrom ? [e.valueFrom as { fieldRef?: { apiVersion?: string } }] : []);
  defaultProbe(c.livenessProbe as Probe | undefined);
  defaultProbe(c.readinessProbe as Probe | undefined);
  defaultProbe(c.startupProbe as Probe | undefined);
}

function defaultVolume(v: Record<string, any>): void {
  for (const source of ['configMap', 'secret', 'downwardAPI', 'projected'] as const) {
    if (v[source]) v[source].defaultMode ??= 420;
  }
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.downwardAPI) defaultFieldRefs(v.downwardAPI.items);
  for (const s of v.projected?.sources ?? []) {
    if (s.downwardAPI) defaultFieldRefs(s.downwardAPI.items);
    if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
  }
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  if (spec.hostNetwork) {
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])])
      for (const p of c.ports ?? []) p.hostPort ??= p.containerPort;
  }
}

export function defaultPodTemplate(t: PodTemplateSpec | undefined): void {
  if (t?.spec) defaultPodSpec(t.spec);
}
