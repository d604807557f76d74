// labels, commonLabels and commonAnnotations: key/value pairs written into every map their
// field specs lead to (metadata, and for labels with selectors the selectors and templates).
import { setOwn } from '../../../api/meta/own';
import { COMMON_ANNOTATIONS, COMMON_LABELS, METADATA_LABELS, TEMPLATE_LABELS } from './config';
import { type FieldSpec, visitSpecs } from './fieldspec';
import { type JsonMap, type Resource, isMap } from './resource';

export interface LabelArgs {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  fields?: FieldSpec[];
}

function addPairs(resources: readonly Resource[], pairs: Record<string, string>, specs: readonly FieldSpec[]): void {
  if (!Object.keys(pairs).length) return;
  for (const r of resources)
    visitSpecs(r.obj, specs, (container, field, spec) => {
      let target = container[field];
      if (!isMap(target)) {
        if (target !== undefined && target !== null) return;
        if (!spec.create) return;
        target = {};
        setOwn(container, field, target);
      }
      for (const [k, v] of Object.entries(pairs)) setOwn(target as JsonMap, k, v);
    });
}

export function addCommonLabels(resources: readonly Resource[], labels: Record<string, string> | undefined): void {
  if (labels) addPairs(resources, labels, COMMON_LABELS);
}

export function addLabels(resources: readonly Resource[], args: LabelArgs): void {
  const base = args.includeSelectors ? COMMON_LABELS : args.includeTemplates ? TEMPLATE_LABELS : METADATA_LABELS;
  addPairs(resources, args.pairs ?? {}, [...base, ...(args.fields ?? [])]);
}

export function addAnnotations(resources: readonly Resource[], annotations: Record<string, string> | undefined): void {
  if (annotations) addPairs(resources, annotations, COMMON_ANNOTATIONS);
}
