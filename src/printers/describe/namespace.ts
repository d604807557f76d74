// describe namespace (kubectl describeNamespace); quotas and limit ranges arrive with their kinds.
import type { Namespace } from '../../api/types';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0 } from './writer';

export const describeNamespace: Describer<Namespace> = (ns) => {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
};
