// What a node's container runtime keeps on its disk, per container of a pod: the current
// instance (its id, when it started, its process, its writable layer, how it ended) and the log
// of every instance. Kept in the node disk's "containers" and "logs" areas, keyed by pod UID.
import type { NodeDisk } from '../../engine/controller';
import type { Exit, ProcessRecord } from '../runtime/process';
import type { ContainerState } from '../../api/types';

export type Terminated = NonNullable<ContainerState['terminated']>;
import type { LogLine } from '../runtime/servers';

/** A container's files that differ from its image: contents, or null for a deleted file. */
export interface Layer {
  files: Record<string, string | null>;
  dirs: string[];
}

export interface ContainerRecord {
  id: string;
  /** 0 for the first instance, n after n restarts. */
  instance: number;
  /** The image the instance was started from (a pod's container image may be changed later). */
  image?: string;
  /**
   * The variables the pod spec gave the instance when it was created (envFrom, env, valueFrom
   * resolved): fixed for its life, whatever later happens to the ConfigMaps and Secrets.
   */
  env?: Record<string, string>;
  startedAt: number;
  process: ProcessRecord;
  /** The process has been run up to this time. */
  computedUntil: number;
  /** When the process next needs to run (a sleep that ends after computedUntil). */
  wakeAt?: number;
  /** An exit forced by failure injection or the OOM killer. */
  forcedExit?: { code: number; at: number; reason?: string };
  /** How the previous instance ended: the status's lastState. */
  lastTermination?: Terminated;
  /** Set once the process has ended (at lies ahead of the clock while a stopping process has its grace period). */
  exit?: Exit & { reason?: string; message?: string };
  /** SIGTERM was sent at this time: the kubelet kills the process when the grace period ends. */
  stopping?: { at: number; deadline: number; reason: string };
  layer: Layer;
  /** Ports the process listens on. */
  ports: number[];
  /** PIDs handed to `kubectl exec` processes in this container. */
  nextPid: number;
  /**
   * How many `kubectl exec` commands ran in this instance: one makes the pod's worker sync again
   * (its probes may see what the command changed).
   */
  execs?: number;
}

const CONTAINERS = 'containers';
const LOGS = 'logs';
/** The kubelet rotates container logs at 10 MiB; the simulation keeps the last lines instead. */
export const MAX_LOG_LINES = 10_000;

/** One entry of a container log; text ends with a newline unless it was a partial line. */
export type LogEntry = [at: number, stream: 'o' | 'e', text: string];

const recordKey = (podUID: string, container: string) => `${podUID}/${container}`;
const logKey = (podUID: string, container: string, instance: number) => `${podUID}/${container}/${instance}`;

export function getRecord(disk: NodeDisk, podUID: string, container: string): ContainerRecord | undefined {
  return disk.get<ContainerRecord>(CONTAINERS, recordKey(podUID, container));
}

export function putRecord(disk: NodeDisk, podUID: string, container: string, rec: ContainerRecord | undefined): void {
  disk.put(CONTAINERS, recordKey(podUID, container), rec);
}

export function appendLog(disk: NodeDisk, podUID: string, container: string, instance: number, lines: LogLine[]): void {
  if (!lines.length) return;
  const key = logKey(podUID, container, instance);
  const log = [...(disk.get<LogEntry[]>(LOGS, key) ?? [])];
  // Entries end at newlines, as CRI log files do; text without one is a partial entry.
  for (const l of lines) for (const text of l.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) log.push([l.at, l.stream === 'stderr' ? 'e' : 'o', text]);
  disk.put(LOGS, key, log.length > MAX_LOG_LINES ? log.slice(log.length - MAX_LOG_LINES) : log);
}

/** A container instance's log up to `now` (output computed ahead of the clock stays hidden). */
export function readLog(disk: NodeDisk, podUID: string, container: string, instance: number, now: number): LogEntry[] | undefined {
  const log = disk.get<LogEntry[]>(LOGS, logKey(podUID, container, instance));
  return log?.filter((e) => e[0] <= now);
}

/** Drops what an instance logged after `at` (output computed ahead that never happened). */
export function truncateLog(disk: NodeDisk, podUID: string, container: string, instance: number, at: number): void {
  const key = logKey(podUID, container, instance);
  const log = disk.get<LogEntry[]>(LOGS, key);
  if (log?.some((e) => e[0] > at)) disk.put(LOGS, key, log.filter((e) => e[0] <= at));
}

export function dropLog(disk: NodeDisk, podUID: string, container: string, instance: number): void {
  disk.put(LOGS, logKey(podUID, container, instance), undefined);
}

/** Everything the node kept of a pod that is gone. */
export function forgetPod(disk: NodeDisk, podUID: string): void {
  for (const area of [CONTAINERS, LOGS, 'volumes']) for (const k of disk.keys(area, `${podUID}/`)) disk.put(area, k, undefined);
}

/** Pod UIDs the node still keeps something for. */
export function podsOnDisk(disk: NodeDisk): Set<string> {
  return new Set(disk.keys(CONTAINERS).map((k) => k.slice(0, k.indexOf('/'))));
}
