// describe poddisruptionbudget (kubectl describePodDisruptionBudgetV1, v1.32): the budget, its
// selector and the disruption controller's counts.
import { formatLabelSelector } from '../../api/meta/selector';
import type { PodDisruptionBudget } from '../../api/types';
import { describeEvents } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0, LEVEL_2 } from './writer';

export const describePodDisruptionBudget: Describer<PodDisruptionBudget> = (pdb, ctx) => {
  const w = new DescribeWriter();
  const { spec } = pdb;
  const st = pdb.status;
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${st?.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${st?.expectedPods ?? 0}\n`);
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(pdb), ctx.now);
  return w.toString();
};
