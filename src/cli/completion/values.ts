// What kubectl completes for a command's arguments (cobra's ValidArgsFunction) and for the value
// of a flag that needs the cluster or the kubeconfig: kubectl's pkg/util/completion functions,
// as a table keyed by command path and by flag.
import { type Completer, Directive } from './types';

const { NoFileComp, NoSpace } = Directive;

const startsWith = (list: readonly string[], prefix: string) => list.filter((c) => c.startsWith(prefix));
/** cmdutil.Difference: what is not already on the line. */
const without = (list: string[], taken: readonly string[]) => list.filter((c) => !taken.includes(c));

/** compGetResourceList: resource types; the last of a comma list is the one completed. */
function resourceList(types: string[], toComplete: string): string[] {
  const comma = toComplete.lastIndexOf(',');
  const prefix = toComplete.slice(0, comma + 1);
  return startsWith(types, toComplete.slice(comma + 1)).map((t) => prefix + t);
}

/** resourceTypeAndNameCompletionFunc: TYPE then names, or TYPE/NAME; `allowed` limits the types. */
function typeAndName(allowed?: readonly string[], allowRepeat = true): Completer {
  return (src, args, toComplete) => {
    let comps: string[] = [];
    let directive: number = NoFileComp;
    const types = () => (allowed ? startsWith(allowed, toComplete) : resourceList(src.resourceTypes(), toComplete));
    if (args.length && !args[0].includes('/')) {
      if (allowRepeat || args.length === 1) comps = without(startsWith(src.names(args[0]), toComplete), args.slice(1));
    } else {
      const slash = toComplete.indexOf('/');
      if (slash < 0) {
        if (!args.length) comps = types();
        else if (allowRepeat) {
          directive |= NoSpace;
          comps = types().map((t) => `${t}/`);
        }
      } else if (allowRepeat || !args.length) {
        const type = toComplete.slice(0, slash);
        comps = without(startsWith(src.names(type), toComplete.slice(slash + 1)).map((n) => `${type}/${n}`), args);
      }
    }
    return { comps, directive };
  };
}

/** ResourceNameCompletionFunc: names of one type, as the first argument only. */
function namesOf(type: string): Completer {
  return (src, args, toComplete) => ({ comps: args.length ? [] : startsWith(src.names(type), toComplete), directive: NoFileComp });
}

const RESOURCES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** doPodResourceCompletion: pod names, and TYPE/ for the types that run pods. */
function podResource(src: Parameters<Completer>[0], toComplete: string): { comps: string[]; directive: number } {
  const slash = toComplete.indexOf('/');
  if (slash >= 0) {
    const type = toComplete.slice(0, slash);
    return { comps: startsWith(src.names(type), toComplete.slice(slash + 1)).map((n) => `${type}/${n}`), directive: NoFileComp };
  }
  const comps = startsWith(src.names('pod'), toComplete);
  const directive = comps.length ? NoFileComp : NoFileComp | NoSpace;
  return { comps: [...comps, ...startsWith(RESOURCES_WITH_PODS, toComplete).map((r) => `${r}/`)], directive };
}

const pods: Completer = (src, args, toComplete) => (args.length ? { comps: [], directive: NoFileComp } : podResource(src, toComplete));
const podsThenContainers: Completer = (src, args, toComplete) => {
  if (!args.length) return podResource(src, toComplete);
  return { comps: args.length === 1 ? startsWith(src.containers(args[0]), toComplete) : [], directive: NoFileComp };
};
const containers: Completer = (src, args, toComplete) => ({ comps: args.length ? startsWith(src.containers(args[0]), toComplete) : [], directive: NoFileComp });

function fromConfig(list: (src: Parameters<Completer>[0]) => string[], firstOnly = true): Completer {
  return (src, args, toComplete) => ({ comps: firstOnly && args.length ? [] : startsWith(list(src), toComplete), directive: NoFileComp });
}
const contexts = fromConfig((s) => s.contexts());
const clusters = fromConfig((s) => s.clusters());
const users = fromConfig((s) => s.users());

/** cp's first argument: NAMESPACE/ and POD:, NAMESPACE/POD: after a slash, local files once something is typed. */
const cpSource: Completer = (src, args, toComplete) => {
  const comps: string[] = [];
  const slash = toComplete.indexOf('/');
  if (args.length || /^[/.~]/.test(toComplete) || toComplete.includes(':')) return { comps, directive: NoSpace };
  if (slash > 0) {
    const namespace = toComplete.slice(0, slash);
    comps.push(...startsWith(src.names('pod', namespace).map((p) => `${namespace}/${p}:`), toComplete));
  } else {
    comps.push(...startsWith(src.names('namespace'), toComplete).map((n) => `${n}/`));
    comps.push(...startsWith(src.names('pod'), toComplete).map((p) => `${p}:`));
    if (comps.length && toComplete) comps.push(...startsWith(src.localFiles(), toComplete));
    else if (!toComplete) comps.push('./', '/');
  }
  return { comps, directive: NoSpace };
};

const ROLLOUT = ['deployment', 'daemonset', 'statefulset'];
const SCALABLE = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];

/** Arguments, by command path (cobra's ValidArgsFunction). */
export const ARGUMENTS: Readonly<Record<string, Completer>> = {
  get: typeAndName(),
  describe: typeAndName(),
  delete: typeAndName(),
  edit: typeAndName(),
  label: typeAndName(),
  annotate: typeAndName(),
  patch: typeAndName(),
  'apply edit-last-applied': typeAndName(),
  'apply view-last-applied': typeAndName(),
  scale: typeAndName(SCALABLE),
  autoscale: typeAndName(SCALABLE),
  expose: typeAndName(['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset']),
  'rollout history': typeAndName(ROLLOUT),
  'rollout pause': typeAndName(['deployment']),
  'rollout restart': typeAndName(ROLLOUT),
  'rollout resume': typeAndName(['deployment']),
  'rollout status': typeAndName(ROLLOUT, false),
  'rollout undo': typeAndName(ROLLOUT),
  'set image': typeAndName(['daemonsets', 'deployments', 'pods', 'cronjobs', 'replicasets', 'replicationcontrollers', 'statefulsets'], false),
  taint: typeAndName(['node']),
  cordon: namesOf('node'),
  uncordon: namesOf('node'),
  drain: namesOf('node'),
  'top node': namesOf('node'),
  'top pod': namesOf('pod'),
  'create token': namesOf('serviceaccount'),
  attach: pods,
  exec: pods,
  logs: podsThenContainers,
  'port-forward': pods,
  cp: cpSource,
  'config delete-cluster': clusters,
  'config delete-context': contexts,
  'config delete-user': users,
  'config rename-context': contexts,
  'config set-context': contexts,
  'config use-context': contexts,
  // pocketkube's own commands that act on a node.
  'node stop': namesOf('node'),
  'node start': namesOf('node'),
  'node pressure': namesOf('node'),
  'node devices': namesOf('node'),
};

/** Flag values that need the cluster or the kubeconfig: by "path --flag", else by flag (the global ones). */
export const FLAG_VALUES: Readonly<Record<string, Completer>> = {
  '--namespace': (src, _args, toComplete) => ({ comps: startsWith(src.names('namespace'), toComplete), directive: NoFileComp }),
  '--context': fromConfig((s) => s.contexts(), false),
  '--cluster': fromConfig((s) => s.clusters(), false),
  '--user': fromConfig((s) => s.users(), false),
  'exec --container': containers,
  'create clusterrolebinding --clusterrole': (src, _args, toComplete) => ({ comps: startsWith(src.names('clusterrole'), toComplete), directive: NoFileComp }),
  'config set-context --namespace': (src, _args, toComplete) => ({ comps: startsWith(src.names('namespace'), toComplete), directive: NoFileComp }),
};

/** Recorded flag values kubectl filters by the word typed (the others it returns whole: file extensions, --subresource). */
export const PREFIX_FILTERED: ReadonlySet<string> = new Set(['output']);

/** Fixed first arguments (cobra's ValidArgs). */
export const VALID_ARGS: Readonly<Record<string, readonly string[]>> = {
  completion: ['bash', 'zsh', 'fish', 'powershell'],
};
