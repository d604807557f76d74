// The read lane: `get pods` and `get deployments` — the reads scripts repeat most — answered from
// the store without loading the CLI's command tree, the API server or the engine, whose code alone
// costs several times what this read does. The launcher offers it every `get` before anything else loads; it
// answers only what it can answer exactly as the full path would, and declines (undefined)
// everything else, having printed nothing: other flags or resources, a kubeconfig other than
// the home's own plain one, credentials that are not a cluster admin's token for this cluster's
// endpoint, a store with timers due or not converged (the full path converges first), an
// encrypted store, views of another build, anything it cannot read. The full path then runs the
// command as usual. A composition root of its own beside main.ts, for this one read.
// POCKETKUBE_READ_LANE=off turns the lane off (the tests compare both paths).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPrivileged } from './apiserver/auth';
import { viewsPay } from './apiserver/tableviews';
import { configError } from './cli/kubeconfig/schema';
import { POD_VIEW_VERSION } from './api/pod/view';
import type { KubeObject } from './api/types';
import { homeDir } from './home';
import { deploymentTable } from './printers/table/deployment';
import { podTable } from './printers/table/pod';
import { type TableDef, TableBuilder } from './printers/table/table';
import { SimClock } from './sim/clock';
import { visitInKeyOrder } from './store/keyorder';
import { Store } from './store/store';

/** A kind the lane answers for: the words that name it, where it is stored, how its table prints. */
interface LaneKind {
  words: readonly string[];
  collection: string;
  kind: string;
  table: TableDef;
  /** The version of the stored views its table may print from (ApiServer.eachForTable), if any. */
  views?: number;
}

/** (The launcher loads the lane only for a `get` naming one of these words: its LANE_RESOURCES, checked equal by a test.) */
export const KINDS: readonly LaneKind[] = [
  { words: ['pods', 'pod', 'po'], collection: '/registry/pods', kind: 'Pod', table: podTable as TableDef, views: POD_VIEW_VERSION },
  { words: ['deployments', 'deployment', 'deploy'], collection: '/registry/apps/deployments', kind: 'Deployment', table: deploymentTable as TableDef },
];
/** What kubectl accepts as a namespace's name (a DNS-1123 label); anything else goes the full way. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface LanePorts {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

interface LaneRequest {
  kind: LaneKind;
  namespace?: string;
  allNamespaces: boolean;
  wide: boolean;
  noHeaders: boolean;
}

/** The command line as the lane reads it: `get` of one of its kinds, and a few flags, each at most once. */
function request(argv: readonly string[]): LaneRequest | undefined {
  if (argv[0] !== 'get') return undefined;
  const r: Omit<LaneRequest, 'kind'> = { allNamespaces: false, wide: false, noHeaders: false };
  let kind: LaneKind | undefined;
  const seen = new Set<string>();
  const once = (flag: string) => !seen.has(flag) && !!seen.add(flag);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    let value: { value: string; next: number } | undefined;
    const named = KINDS.find((k) => k.words.includes(a));
    if (named) {
      if (kind) return undefined;
      kind = named;
    } else if (a === '-A' || a === '--all-namespaces') {
      if (!once('A')) return undefined;
      r.allNamespaces = true;
    } else if (a === '--no-headers') {
      if (!once('no-headers')) return undefined;
      r.noHeaders = true;
    } else if ((value = flagValue(argv, i, '-n', '--namespace'))) {
      if (!once('n') || !NAMESPACE.test(value.value)) return undefined;
      r.namespace = value.value;
      i += value.next;
    } else if ((value = flagValue(argv, i, '-o', '--output'))) {
      if (!once('o') || value.value !== 'wide') return undefined;
      r.wide = true;
      i += value.next;
    } else return undefined;
  }
  // -A beside -n: kubectl lists every namespace; left to the full path.
  return kind && !(r.allNamespaces && r.namespace) ? { ...r, kind } : undefined;
}

/**
 * The value of `-x V`, `-xV`, `-x=V`, `--long V` or `--long=V` at argv[i] (as pflag reads them),
 * and whether it was the next argument; undefined when argv[i] is not that flag with a value.
 */
function flagValue(argv: readonly string[], i: number, short: string, long: string): { value: string; next: number } | undefined {
  const a = argv[i];
  if (a === short || a === long) return i + 1 < argv.length ? { value: argv[i + 1], next: 1 } : undefined;
  if (a.startsWith(`${long}=`)) return { value: a.slice(long.length + 1), next: 0 };
  if (a.startsWith(`${short}=`)) return { value: a.slice(short.length + 1), next: 0 };
  if (a.startsWith(short) && !a.startsWith('--')) return { value: a.slice(short.length), next: 0 };
  return undefined;
}

type Entry<T> = { name?: unknown } & T;

/** The home's kubeconfig as pocketkube writes it: its current context's namespace, server and token. */
function homeCredentials(file: string): { namespace: string; server: string; token: string } | undefined {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  // A config kubectl would refuse to load is the full path's to report.
  if (typeof config !== 'object' || config === null || configError(config, '') !== undefined) return undefined;
  const current = config['current-context'];
  const named = <T>(list: unknown, name: unknown): T | undefined => {
    if (!Array.isArray(list) || typeof name !== 'string' || !name) return undefined;
    const found = (list as Entry<Record<string, unknown>>[]).filter((e) => e && e.name === name);
    return found.length === 1 ? (found[0] as T) : undefined;
  };
  const context = named<{ context?: Record<string, unknown> }>(config.contexts, current)?.context;
  if (!context || !only(context, ['cluster', 'user', 'namespace'])) return undefined;
  const cluster = named<{ cluster?: Record<string, unknown> }>(config.clusters, context.cluster)?.cluster;
  const user = named<{ user?: Record<string, unknown> }>(config.users, context.user)?.user;
  if (!cluster || !only(cluster, ['server', 'certificate-authority-data']) || !user || !only(user, ['token'])) return undefined;
  const namespace = context.namespace ?? 'default';
  if (typeof cluster.server !== 'string' || typeof user.token !== 'string' || !user.token || typeof namespace !== 'string' || !NAMESPACE.test(namespace)) return undefined;
  return { namespace, server: cluster.server, token: user.token };
}

/** Whether `o` has no fields but `allowed`. */
function only(o: Record<string, unknown>, allowed: string[]): boolean {
  return typeof o === 'object' && o !== null && Object.keys(o).every((k) => allowed.includes(k));
}

/** Runs the `get` from the store, or declines (undefined) with nothing printed. */
export function answer(ports: LanePorts): number | undefined {
  const env = ports.env;
  if (env.POCKETKUBE_READ_LANE === 'off' || env.KUBECONFIG) return undefined;
  const r = request(ports.argv);
  if (!r) return undefined;
  const home = homeDir(env);
  const credentials = homeCredentials(path.join(home, 'config'));
  if (!credentials || fs.existsSync(path.join(home, 'encryption-config.yaml'))) return undefined;
  const namespace = r.allNamespaces ? undefined : (r.namespace ?? credentials.namespace);
  let text: string;
  try {
    const store = Store.open(path.join(home, 'store.json'));
    const sys = store.system;
    const now = SimClock.start(sys.clockOffsetMs, env.POCKETKUBE_WALLCLOCK).now();
    if (!store.existed || !sys.converged || sys.timers.some((t) => t.at <= now)) return undefined;
    // The API server's authentication and authorization, for the one user the lane serves.
    const entry = sys.tokens[credentials.token];
    if (!entry || sys.endpoint !== credentials.server || !isPrivileged({ name: entry.user, groups: entry.groups })) return undefined;
    const table = new TableBuilder(r.kind.table, { now, wide: r.wide, noHeaders: r.noHeaders, withNamespace: r.allNamespaces });
    if (!eachObject(store, r.kind, namespace, (obj) => table.add(obj))) return undefined;
    text = table.render();
  } catch {
    // Whatever the store says of itself (damage, a missing file) is the full path's to report.
    return undefined;
  }
  if (text) ports.stdout.write(text);
  else ports.stderr.write(namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  return 0;
}

/**
 * The objects of a namespace (all, when none) in key order, as the API server hands them to a
 * table (ApiServer.eachForTable): a kind's stored views where they pay, else the objects, each
 * checked to be the object its key names. False when the lane cannot read them so.
 */
function eachObject(store: Store, k: LaneKind, namespace: string | undefined, visit: (obj: KubeObject) => void): boolean {
  const collection = k.collection;
  // Views are read as stored, never made: views of another version are the full path's to make.
  if (k.views !== undefined)
    store.defineView(collection, {
      version: k.views,
      of: () => {
        throw new Error('the read lane makes no views');
      },
    });
  const prefix = namespace === undefined ? '' : `${namespace}/`;
  const keys = store.keys(collection, prefix);
  if (k.views !== undefined && viewsPay(keys.length, store.count(collection)) && store.viewsCurrent(collection)) {
    visitInKeyOrder<unknown>((v) => store.eachView(collection, v), prefix, (view) => visit(view as KubeObject));
    return true;
  }
  for (const key of keys) {
    const obj = store.get(collection, key) as KubeObject | undefined;
    const meta = obj?.metadata;
    if (!obj || obj.kind !== k.kind || `${meta?.namespace}/${meta?.name}` !== key) return false;
    visit(obj);
  }
  return true;
}
