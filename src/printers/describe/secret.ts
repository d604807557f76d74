// describe secret: the values' sizes, never the values (kubectl's SecretDescriber).
import type { Secret } from '../../api/kinds/secret';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0 } from './writer';

export const describeSecret: Describer<Secret> = (s) => {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${s.type}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) {
    const bytes = Buffer.from(s.data![k], 'base64');
    // Service account tokens are shown in full; everything else by size only.
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${bytes.toString('utf8')}\n`);
    else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
  }
  return w.toString();
};
