// The default profile's plugins, in the order the real scheduler runs its filters.
import type { FilterPlugin, ScorePlugin } from '../framework';
import { nodeAffinity } from './nodeaffinity';
import { nodePorts } from './nodeports';
import { nodeResourcesFit } from './noderesourcesfit';
import { nodeUnschedulable } from './nodeunschedulable';
import { selectorSpread } from './selectorspread';
import { taintToleration } from './tainttoleration';

export const FILTERS: readonly FilterPlugin[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];

export const SCORES: readonly ScorePlugin[] = [taintToleration, nodeResourcesFit, selectorSpread];
