// The default profile of kube-scheduler v1.32: its filters in the order they run (a node's
// verdict comes from the first that rejects it) and its scores with their default weights.
import type { FilterPlugin, ScorePlugin } from '../framework';
import { balancedAllocation } from './balancedallocation';
import { imageLocality } from './imagelocality';
import { interPodAffinity } from './interpodaffinity';
import { nodeAffinity } from './nodeaffinity';
import { nodeName } from './nodename';
import { nodePorts } from './nodeports';
import { nodeResourcesFit } from './noderesourcesfit';
import { nodeUnschedulable } from './nodeunschedulable';
import { podTopologySpread } from './podtopologyspread';
import { taintToleration } from './tainttoleration';

export const FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  podTopologySpread,
  interPodAffinity,
];

export const SCORES: readonly ScorePlugin[] = [
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
  podTopologySpread,
  interPodAffinity,
  balancedAllocation,
  imageLocality,
];
