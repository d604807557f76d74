// Cells shared by workload tables: containers, images and selectors of a pod template.
import { formatLabelSelector } from '../../api/meta/selector';
import type { LabelSelector, PodTemplateSpec } from '../../api/types';

export function containerNames(t: PodTemplateSpec | undefined): string {
  return (t?.spec?.containers ?? []).map((c) => c.name).join(',');
}

export function containerImages(t: PodTemplateSpec | undefined): string {
  return (t?.spec?.containers ?? []).map((c) => c.image ?? '').join(',');
}

export function selectorText(s: LabelSelector | undefined): string {
  return formatLabelSelector(s);
}
