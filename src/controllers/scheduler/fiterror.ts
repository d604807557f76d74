// The FailedScheduling message (framework.FitError): "0/N nodes are available: " and each distinct
// reason with the number of nodes that gave it, the strings sorted, then what preemption found.

export const NO_NODES = 'no nodes available to schedule pods';

/** "<count> <reason>" per distinct reason, sorted as strings and joined by ", ". */
export function reasonHistogram(reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

export interface Diagnosis {
  numNodes: number;
  /** Every node's reasons (a node may give several, e.g. "Insufficient cpu" and "Insufficient memory"). */
  nodeReasons: readonly (readonly string[])[];
  /** Set when a PreFilter rejected the pod for every node: its message replaces the histogram. */
  preFilterMessage?: string;
  /** What the PostFilter (preemption) said, already prefixed with "preemption: ". */
  postFilterMessage?: string;
}

export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numNodes} nodes are available:`;
  if (d.preFilterMessage) msg += ` ${d.preFilterMessage}.`;
  else {
    const histogram = reasonHistogram(d.nodeReasons.flat());
    if (histogram) msg += ` ${histogram}.`;
  }
  if (d.postFilterMessage) msg += ` ${d.postFilterMessage}`;
  return msg;
}
