// describe configmap and serviceaccount.
import type { ConfigMap, ServiceAccount } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { Describer } from './describer';
import { DescribeWriter, LEVEL_0 } from './writer';

export const describeConfigMap: Describer<ConfigMap> = (cm, ctx) => {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort())
    w.write(LEVEL_0, `${k}: ${Buffer.from(cm.binaryData![k], 'base64').length} bytes\n`);
  w.write(LEVEL_0, '\n');
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(cm), ctx.now);
  return w.toString();
};

export const describeServiceAccount: Describer<ServiceAccount> = (sa, ctx) => {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', sa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
  const pull = (sa.imagePullSecrets ?? []).map((s) => s.name);
  w.write(LEVEL_0, `Image pull secrets:\t${pull.length ? pull.join(', ') : '<none>'}\n`);
  const mountable = (sa.secrets ?? []).map((s) => s.name);
  w.write(LEVEL_0, `Mountable secrets:\t${mountable.length ? mountable.join(', ') : '<none>'}\n`);
  w.write(LEVEL_0, 'Tokens:\t<none>\n');
  if (ctx.showEvents) describeEvents(w, ctx.lookup.events(sa), ctx.now);
  return w.toString();
};
