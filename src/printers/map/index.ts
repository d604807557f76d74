// pocketkube map: the cluster on one screen. A box per node (conditions, taints, unschedulable,
// requests against allocatable as describe node counts them, its pods by state) and, apart, the
// pods no node has taken with the scheduler's reason. Pure: objects, `now` and colour in, text out.
import { rfc3339 } from '../../api/time';
import type { Node, Pod } from '../../api/types';
import { drawBox, visibleWidth } from './box';
import { missingNodeSection, nodeSection, type Section } from './node';
import { painter } from './paint';
import { pendingGroups } from './pending';
import { byName } from './pods';

export interface ClusterMapModel {
  nodes: readonly Node[];
  pods: readonly Pod[];
}

export interface MapOptions {
  now: number;
  /** ANSI colours; the text says the same without them. */
  color: boolean;
}

/** The scheduler's messages wrap in a column at least this wide. */
const MIN_REASON_WIDTH = 40;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderMap(model: ClusterMapModel, opts: MapOptions): string {
  const paint = painter(opts.color);
  const nodes = [...model.nodes].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const pods = [...model.pods].sort(byName);
  const onNode = new Map<string, Pod[]>();
  const unscheduled: Pod[] = [];
  for (const p of pods) {
    const name = p.spec.nodeName;
    if (!name) unscheduled.push(p);
    else onNode.set(name, [...(onNode.get(name) ?? []), p]);
  }

  const sections: Section[] = nodes.map((n) => nodeSection(n, onNode.get(n.metadata.name ?? '') ?? [], opts.now, paint));
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [name, bound] of [...onNode].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (!known.has(name)) sections.push(missingNodeSection(name, bound, opts.now, paint));

  // Every box as wide as the widest, labels in one column.
  const labelWidth = Math.max(0, ...sections.flatMap((s) => s.rows.map(([label]) => visibleWidth(label))));
  const valueWidth = Math.max(0, ...sections.flatMap((s) => [visibleWidth(s.head) - labelWidth - 3, ...s.rows.map(([, value]) => visibleWidth(value))]));
  const colWidths = [labelWidth + 2, valueWidth + 2];
  const out = [`Cluster at ${rfc3339(opts.now)}: ${plural(nodes.length, 'node')}, ${plural(pods.length, 'pod')}, ${unscheduled.length} not scheduled`];
  for (const s of sections) out.push(drawBox(s.rows, { head: { content: s.head, colSpan: 2 }, colWidths }));

  if (unscheduled.length) {
    const groups = pendingGroups(unscheduled, opts.now, paint);
    const podsWidth = Math.max(...groups.map((g) => visibleWidth(g.pods))) + 2;
    const boxWidth = sections.length ? colWidths[0] + colWidths[1] + 3 : 0;
    const reasonWidth = Math.max(MIN_REASON_WIDTH + 2, boxWidth - podsWidth - 3);
    out.push(
      drawBox(
        groups.map((g) => [g.pods, g.reason]),
        { head: { content: paint('title', `Not scheduled (${unscheduled.length})`), colSpan: 2 }, colWidths: [podsWidth, reasonWidth], ruled: true, wrap: true },
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
