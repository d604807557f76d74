// kubeadm's pre-flight checks that the simulated machine can fail: on a machine already running a
// control plane its ports are taken, its static pod manifests and etcd data exist. Checks run in
// kubeadm's order; a check named in --ignore-preflight-errors (or "all") only warns.
import { KubeadmError } from './errors';

export interface CheckResult {
  name: string;
  message: string;
}

const MANIFESTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];

/** The checks `kubeadm init` fails on a control-plane machine (RunInitNodeChecks' order). */
export function initChecks(initialised: boolean): CheckResult[] {
  if (!initialised) return [];
  const port = (p: number) => ({ name: `Port-${p}`, message: `Port ${p} is in use` });
  return [
    port(6443),
    port(10259),
    port(10257),
    ...MANIFESTS.map((m) => ({
      name: `FileAvailable--etc-kubernetes-manifests-${m}.yaml`,
      message: `/etc/kubernetes/manifests/${m}.yaml already exists`,
    })),
    port(10250),
    port(2379),
    port(2380),
    { name: 'DirAvailable--var-lib-etcd', message: '/var/lib/etcd is not empty' },
  ];
}

/** ValidateIgnorePreflightErrors: lower-cased names; "all" stands alone. */
export function ignoreSet(given: readonly string[]): Set<string> {
  const set = new Set(given.flatMap((g) => g.split(',')).map((g) => g.trim().toLowerCase()).filter(Boolean));
  if (set.has('all') && set.size > 1)
    throw new KubeadmError(`ignore-preflight-errors: Invalid value: ${goStringSlice([...set])}: don't specify individual checks if 'all' is used`, {
      validation: true,
    });
  return set;
}

function goStringSlice(items: string[]): string {
  return `[]string{${items.map((i) => JSON.stringify(i)).join(', ')}}`;
}

/**
 * RunChecks: the warning lines kubeadm prints as it goes (ignored errors among them), and the
 * fatal error naming every failed check, if any.
 */
export function runChecks(checks: readonly CheckResult[], warnings: readonly CheckResult[], ignore: Set<string>): { lines: string[]; error?: KubeadmError } {
  const lines = warnings.map((w) => `\t[WARNING ${w.name}]: ${w.message}\n`);
  const errors: string[] = [];
  for (const c of checks) {
    if (ignore.has('all') || ignore.has(c.name.toLowerCase())) lines.push(`\t[WARNING ${c.name}]: ${c.message}\n`);
    else errors.push(`\t[ERROR ${c.name}]: ${c.message}\n`);
  }
  if (!errors.length) return { lines };
  const error = new KubeadmError(
    `[preflight] Some fatal errors occurred:\n${errors.join('')}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\``,
    { phase: 'preflight' },
  );
  return { lines, error };
}
