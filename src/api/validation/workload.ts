// Validation shared by controllers' specs: selector vs template labels, replicas, immutability.
import { type FieldError, FieldPath, GoSyntax, goStringMap, invalid, required } from '../field';
import { deepEqual } from '../meta/equal';
import { fromLabelSelector, matches } from '../meta/selector';
import type { LabelSelector, PodTemplateSpec } from '../types';

/** Go's %#v of a metav1.LabelSelector, as the API server prints it in field errors. */
export function goLabelSelector(sel: LabelSelector | undefined): GoSyntax {
  if (!sel) return new GoSyntax('(*v1.LabelSelector)(nil)');
  const ml = sel.matchLabels ? goStringMap(sel.matchLabels).text : 'map[string]string(nil)';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'
            }}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoSyntax(`v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${exprs}}`);
}

export function validateNonNegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** A workload selector must be present, non-empty and select the template's labels. */
export function validateSelectorAndTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  spec: FieldPath,
  kindForEmpty: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const selPath = spec.child('selector').toString();
  if (!selector) {
    errs.push(required(selPath));
  } else if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
    errs.push(invalid(selPath, goLabelSelector(selector), `empty selector is invalid for ${kindForEmpty}`));
  }
  const labels = template?.metadata?.labels;
  const sel = fromLabelSelector(selector);
  if (template && (!sel || sel.length === 0 || !matches(sel, labels))) {
    errs.push(
      invalid(spec.child('template').child('metadata').child('labels').toString(), goStringMap(labels ?? {}), '`selector` does not match template `labels`'),
    );
  }
  return errs;
}

export function validateSelectorImmutable(
  selector: LabelSelector | undefined,
  oldSelector: LabelSelector | undefined,
  spec: FieldPath,
): FieldError[] {
  return deepEqual(selector ?? null, oldSelector ?? null)
    ? []
    : [invalid(spec.child('selector').toString(), goLabelSelector(selector), 'field is immutable')];
}
