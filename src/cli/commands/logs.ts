// kubectl logs: a container's log through pods/log — one pod (or the pod of a workload), one
// container (named, defaulted, or all of them), or every pod a selector picks; --previous,
// --tail, --timestamps, --since, --prefix, --limit-bytes. --follow follows the container while
// the simulated clock runs, until it ends (or an hour of cluster time has passed).
import type { Command } from '../command';
import type { Pod } from '../../api/types';
import type { PodLogOptions } from '../../client/client';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { DurationError, parseGoDuration } from '../../api/duration';
import { parseTime } from '../../api/time';
import { addGlobalFlags, intFlag } from '../program';
import { type Verb, verbAction } from '../verb';
import { resolveResource } from '../../api/registry';
import { resourceTypeOf } from '../resolve';
import { buildFromNames } from '../resource/names';
import { isStatusError } from '../../api/errors';
import { attachablePod, defaultContainer, podOrTypeName, podsForObject } from '../verbs/podfor';
import { selectorOption } from '../flags/groups';

const FOLLOW_LIMIT_MS = 3_600_000;

function usage(): CliError {
  return new CliError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 'logs');
}

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('logs')
      .description('Print the logs for a container in a pod')
      .argument('[args...]')
      .option('--all-containers', 'Get all containers\' logs in the pod(s).')
      .option('--all-pods', 'Get logs from all pod(s). Sets prefix to true.')
      .option('--insecure-skip-tls-verify-backend', 'Skip verifying the identity of the kubelet that logs are requested from.')
      .option('-c, --container <name>', 'Print the logs of this container')
      .option('-f, --follow', 'Specify if the logs should be streamed.')
      .option('--ignore-errors', 'If watching / following pod logs, allow for any errors that occur to be non-fatal')
      .option('--limit-bytes <n>', 'Maximum bytes of logs to return. Defaults to no limit.', intFlag(), 0)
      .option('--max-log-requests <n>', 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.', intFlag(), 5)
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running')
      .option('--prefix', 'Prefix each log line with the log source (pod name and container name)')
      .option('-p, --previous', 'If true, print the logs for the previous instance of the container in a pod if it exists.')
      .addOption(selectorOption())
      .option('--since <duration>', 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs.')
      .option('--since-time <time>', 'Only return logs after a specific date (RFC3339). Defaults to all logs.')
      .option('--tail <n>', 'Lines of recent log file to display.', intFlag(), -1)
      .option('--timestamps', 'Include timestamps on each line in the log output'),
  ).action(
    verbAction(ctx, logsVerb),
  );
}

export interface LogsOptions {
  /** POD or TYPE/NAME (absent with -l) and the container named after it. */
  resource?: string;
  args: string[];
  selector?: string;
  namespace: string;
  container?: string;
  allContainers: boolean;
  /** --all-pods: every pod of a workload, each line prefixed. */
  allPods: boolean;
  prefix: boolean;
  follow: boolean;
  /** What pods/log is asked for, --since as a duration (made a time once the cluster is open). */
  base: PodLogOptions;
  sinceMs?: number;
}

const logsVerb: Verb<LogsOptions> = {
  complete(c, args, f) {
    const base: PodLogOptions = {};
    if (f.previous) base.previous = true;
    if (f.tail >= 0) base.tailLines = f.tail;
    if (f.timestamps) base.timestamps = true;
    if (f.limitBytes > 0) base.limitBytes = f.limitBytes;
    let sinceMs: number | undefined;
    if (f.since) {
      try {
        sinceMs = parseGoDuration(f.since);
      } catch (e) {
        if (e instanceof DurationError) throw new CliError(`invalid argument "${f.since}" for "--since" flag: ${e.message}`);
        throw e;
      }
    }
    if (f.sinceTime) {
      const t = parseTime(f.sinceTime);
      if (t === undefined) throw new CliError(`parsing time "${f.sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${f.sinceTime}" as "2006"`);
      base.sinceTime = t;
    }
    return {
      args,
      resource: args[0],
      selector: f.selector,
      namespace: c.namespace(),
      container: args.length === 2 ? args[1] : f.container,
      allContainers: !!f.allContainers,
      allPods: !!f.allPods,
      // kubectl's Complete: --all-pods sets --prefix.
      prefix: !!f.prefix || !!f.allPods,
      follow: !!f.follow,
      base,
      sinceMs,
    };
  },

  validate(o) {
    if (o.selector && o.args.length) throw new CliError('only a selector (-l) or a POD name is allowed', 'logs');
    if (!o.selector && (o.args.length === 0 || o.args.length > 2)) throw usage();
    if (o.sinceMs !== undefined && o.base.sinceTime !== undefined) throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified', 'logs');
    if (!o.selector && o.args.length === 2 && podOrTypeName(o.args[0], resourceTypeOf).type.kind !== 'Pod')
      throw new CliError('only a single container name may be specified after the pod name', 'logs');
  },

  run(c, o) {
    const { namespace, selector, container } = o;
    const cluster = c.cluster(o.follow ? 'write' : 'read');
    const client = cluster.client;
    const base: PodLogOptions = o.sinceMs === undefined ? o.base : { ...o.base, sinceTime: cluster.now() - o.sinceMs };
    let pods: Pod[];
    // kubectl's builder: ResourceNames("pods", POD or TYPE/NAME), or -l over pods.
    const selection = buildFromNames({
      namespace,
      enforceNamespace: false,
      resourceNames: selector ? undefined : { type: 'pods', names: [o.resource!] },
      resourceTypes: selector ? ['pods'] : undefined,
      labelSelector: selector,
    });
    const infos = selection.infos(client);
    const failed = selection.errors;
    if (failed.length) {
      const e = failed[0];
      if (isStatusError(e, 'NotFound')) throw new CliError(`error from server (NotFound): ${e.message} in namespace ${JSON.stringify(namespace)}`);
      throw e;
    }
    if (selector) {
      pods = infos.map((i) => i.obj as Pod);
      if (!pods.length) return c.io.err.write(`No resources found in ${namespace} namespace.\n`);
    } else {
      pods = o.allPods ? podsForObject(client, infos[0].type, infos[0].obj) : [attachablePod(client, infos[0].type, infos[0].obj, c.io.err)];
    }

    const streams: { pod: Pod; container: string }[] = [];
    for (const pod of pods) {
      if (o.allContainers) for (const ct of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) streams.push({ pod, container: ct.name });
      else streams.push({ pod, container: container ?? defaultContainer(pod, c.io.err, !!selector) });
    }
    const prefixed = (s: { pod: Pod; container: string }, text: string) =>
      o.prefix ? text.replace(/^(?=.)/gm, `[pod/${s.pod.metadata.name}/${s.container}] `) : text;
    const start = cluster.now();
    const full = (st: { pod: Pod; container: string }) => client.logs(namespace, st.pod.metadata.name!, { ...base, tailLines: undefined, container: st.container });
    const seen: string[] = [];
    for (const s of streams) {
      c.io.out.write(prefixed(s, client.logs(namespace, s.pod.metadata.name!, { ...base, container: s.container })));
      if (o.follow) seen.push(full(s));
    }
    if (!o.follow) return;
    // Follow: let the cluster run until the containers have ended, printing what they add.
    const podType = resolveResource('pods')!;
    const ended = () =>
      streams.every((s) => {
        const pod = client.tryGet<Pod>(podType, namespace, s.pod.metadata.name!);
        const st = [...(pod?.status?.containerStatuses ?? []), ...(pod?.status?.initContainerStatuses ?? [])].find((x) => x.name === s.container);
        return !pod || !st?.state.running;
      });
    if (ended()) return;
    cluster.advanceTo(start + FOLLOW_LIMIT_MS, ended);
    streams.forEach((s, i) => {
      if (!client.tryGet<Pod>(podType, namespace, s.pod.metadata.name!)) return;
      c.io.out.write(prefixed(s, full(s).slice(seen[i].length)));
    });
  },
};
