// What pocketkube simulates about the machine behind a node, outside the API: whether its kubelet
// is running, resource availability forced by `pocketkube node pressure`, and the extended
// resources its device plugins advertise. Kept on the node's disk (one record per node), because
// these are facts of the machine that a real cluster has no API object for; a stopped kubelet
// could not have written them through the API anyway.
import type { NodeDisk, ReconcileContext } from '../../engine/controller';

export const MACHINE_AREA = 'machines';

export interface MachineFacts {
  /** Set while the kubelet is stopped: when it last posted status (cluster ms). */
  kubeletStoppedAt?: number;
  /** memory.available forced by `pocketkube node pressure` (a quantity); measured when unset. */
  memoryAvailable?: string;
  /** nodefs.available forced likewise. */
  diskAvailable?: string;
  /** Extended resources advertised by device plugins, as counts; "0" once a plugin is gone. */
  devices?: Record<string, string>;
}

export function machineFacts(disk: NodeDisk, nodeName: string): MachineFacts {
  return disk.get<MachineFacts>(MACHINE_AREA, nodeName) ?? {};
}

/** Stores a node's facts; a record with nothing in it is removed. */
export function setMachineFacts(disk: NodeDisk, nodeName: string, facts: MachineFacts): void {
  const kept = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
  disk.put(MACHINE_AREA, nodeName, Object.keys(kept).length ? kept : undefined);
}

/** Whether the node's kubelet is running (the kubelet leaves the pods of a stopped node alone). */
export function kubeletRunning(ctx: Pick<ReconcileContext, 'disk'>, nodeName: string): boolean {
  return machineFacts(ctx.disk, nodeName).kubeletStoppedAt === undefined;
}

/**
 * Since when the node's kubelet has stopped renewing its lease (it renews it every 10s while it
 * runs, so undefined then). The node lifecycle controller is given this function.
 */
export function kubeletSilentSince(ctx: Pick<ReconcileContext, 'disk'>, nodeName: string): number | undefined {
  return machineFacts(ctx.disk, nodeName).kubeletStoppedAt;
}
