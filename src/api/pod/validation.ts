// PodSpec and pod template validation (a practical subset of pkg/apis/core/validation), with the
// API server's field paths and messages.
import {
  type FieldError,
  FieldPath,
  duplicate,
  invalid,
  notFound,
  notSupported,
  required,
} from '../field';
import { tryParseQuantity } from '../meta/quantity';
import type { Container, PodSpec, PodTemplateSpec, Toleration } from '../types';
import { validateAnnotations, validateLabels } from '../validation/meta';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../validation/names';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];

function validatePort(value: unknown, path: string): FieldError[] {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? [] : [invalid(path, n, 'must be between 1 and 65535, inclusive')];
}

function validateResources(c: Container, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, value] of Object.entries(list)) {
      const p = path.child(kind).key(name).toString();
      for (const m of isQualifiedName(name)) errs.push(invalid(p, name, m));
      const q = tryParseQuantity(String(value));
      if (q && q.nano < 0n) errs.push(invalid(p, String(value), 'must be greater than or equal to 0'));
    }
  }
  for (const [name, req] of Object.entries(requests)) {
    const lim = limits[name];
    if (lim === undefined) continue;
    const rq = tryParseQuantity(String(req));
    const lq = tryParseQuantity(String(lim));
    if (rq && lq && rq.cmp(lq) > 0)
      errs.push(invalid(path.child('requests').toString(), rq.toString(), `must be less than or equal to ${name} limit of ${lq}`));
  }
  return errs;
}

function validateContainers(
  containers: Container[] | undefined,
  path: FieldPath,
  volumes: Set<string>,
  seenNames: Set<string>,
  requireSome: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers || containers.length === 0) {
    if (requireSome) errs.push(required(path.toString()));
    return errs;
  }
  containers.forEach((c, i) => {
    const p = path.index(i);
    if (!c.name) errs.push(required(p.child('name').toString()));
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(invalid(p.child('name').toString(), c.name, m));
      if (seenNames.has(c.name)) errs.push(duplicate(p.child('name').toString(), c.name));
      seenNames.add(c.name);
    }
    if (!c.image || !String(c.image).trim()) errs.push(required(p.child('image').toString()));
    if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy))
      errs.push(notSupported(p.child('imagePullPolicy').toString(), c.imagePullPolicy, PULL_POLICIES));
    const tmp = c.terminationMessagePolicy as string | undefined;
    if (tmp !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(tmp))
      errs.push(notSupported(p.child('terminationMessagePolicy').toString(), tmp, TERMINATION_MESSAGE_POLICIES));
    const portNames = new Set<string>();
    (c.ports ?? []).forEach((port, j) => {
      const pp = p.child('ports').index(j);
      errs.push(...validatePort(port.containerPort, pp.child('containerPort').toString()));
      if (port.hostPort !== undefined && port.hostPort !== 0) errs.push(...validatePort(port.hostPort, pp.child('hostPort').toString()));
      if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol))
        errs.push(notSupported(pp.child('protocol').toString(), port.protocol, PROTOCOLS));
      if (port.name) {
        if (portNames.has(port.name)) errs.push(duplicate(pp.child('name').toString(), port.name));
        portNames.add(port.name);
      }
    });
    const envNames = p.child('env');
    (c.env ?? []).forEach((e, j) => {
      if (!e.name) errs.push(required(envNames.index(j).child('name').toString()));
    });
    errs.push(...validateResources(c, p.child('resources')));
    (c.volumeMounts ?? []).forEach((m, j) => {
      const mp = p.child('volumeMounts').index(j);
      if (!m.name) errs.push(required(mp.child('name').toString()));
      else if (!volumes.has(m.name)) errs.push(notFound(mp.child('name').toString(), m.name));
      if (!m.mountPath) errs.push(required(mp.child('mountPath').toString()));
    });
  });
  return errs;
}

function validateTolerations(tolerations: Toleration[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = path.index(i);
    if (t.key) for (const m of isQualifiedName(t.key)) errs.push(invalid(p.child('key').toString(), t.key, m));
    if (!t.key && t.operator !== 'Exists')
      errs.push(invalid(p.child('operator').toString(), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.operator !== undefined && t.operator !== 'Exists' && t.operator !== 'Equal')
      errs.push(notSupported(p.child('operator').toString(), t.operator, ['Equal', 'Exists']));
    if (t.operator === 'Exists' && t.value)
      errs.push(invalid(p.child('operator').toString(), t.value, 'value must be empty when `operator` is \'Exists\''));
    if (t.effect !== undefined && (t.effect as string) !== '' && !TAINT_EFFECTS.includes(t.effect))
      errs.push(notSupported(p.child('effect').toString(), t.effect, TAINT_EFFECTS));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute')
      errs.push(invalid(p.child('effect').toString(), t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'));
  });
  return errs;
}

export function validatePodSpec(spec: PodSpec | undefined, path: FieldPath): FieldError[] {
  if (!spec) return [required(path.child('containers').toString())];
  const errs: FieldError[] = [];
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    const p = path.child('volumes').index(i);
    if (!v.name) errs.push(required(p.child('name').toString()));
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(invalid(p.child('name').toString(), v.name, m));
      if (volumes.has(v.name)) errs.push(duplicate(p.child('name').toString(), v.name));
      volumes.add(v.name);
    }
  });
  const names = new Set<string>();
  errs.push(...validateContainers(spec.initContainers, path.child('initContainers'), volumes, names, false));
  errs.push(...validateContainers(spec.containers, path.child('containers'), volumes, names, true));
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy))
    errs.push(notSupported(path.child('restartPolicy').toString(), spec.restartPolicy, RESTART_POLICIES));
  const dns = spec.dnsPolicy as string | undefined;
  if (dns !== undefined && !DNS_POLICIES.includes(dns)) errs.push(notSupported(path.child('dnsPolicy').toString(), dns, DNS_POLICIES));
  if (spec.nodeSelector) errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  if (spec.serviceAccountName)
    for (const m of isDNS1123Subdomain(spec.serviceAccountName))
      errs.push(invalid(path.child('serviceAccountName').toString(), spec.serviceAccountName, m));
  if (spec.nodeName)
    for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid(path.child('nodeName').toString(), spec.nodeName, m));
  const grace = spec.terminationGracePeriodSeconds;
  if (grace !== undefined && grace < 0)
    errs.push(invalid(path.child('terminationGracePeriodSeconds').toString(), grace, 'must be greater than or equal to 0'));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  return errs;
}

/** A workload's pod template: labels, annotations and spec, plus the restartPolicy it allows. */
export function validatePodTemplate(
  t: PodTemplateSpec | undefined,
  path: FieldPath,
  allowedRestartPolicies: readonly string[],
): FieldError[] {
  if (!t) return [required(path.toString())];
  const errs: FieldError[] = [];
  errs.push(...validateLabels(t.metadata?.labels, path.child('metadata').child('labels')));
  errs.push(...validateAnnotations(t.metadata?.annotations, path.child('metadata').child('annotations')));
  const spec = path.child('spec');
  errs.push(...validatePodSpec(t.spec, spec));
  const rp = t.spec?.restartPolicy;
  if (rp !== undefined && RESTART_POLICIES.includes(rp) && !allowedRestartPolicies.includes(rp))
    errs.push(notSupported(spec.child('restartPolicy').toString(), rp, allowedRestartPolicies));
  return errs;
}

