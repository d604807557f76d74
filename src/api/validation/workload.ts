// Validation shared by controllers' specs: selector vs template labels, replicas, immutability.
import { type FieldError, FieldPath, GoSyntax, forbidden, goStringMap, invalid, required } from '../field';
import { deepEqual } from '../meta/equal';
import { fromLabelSelector, matches } from '../meta/selector';
import type { LabelSelector, PodTemplateSpec } from '../types';
import { validateLabels } from './meta';
import { isQualifiedName, isValidLabelValue } from './names';

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

/** apimachinery's ValidateLabelSelector (invalid label values not allowed in selectors). */
export function validateLabelSelector(sel: LabelSelector, path: FieldPath): FieldError[] {
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const at = path.child('matchExpressions').index(i);
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (!values.length) errs.push(required(at.child('values').toString(), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length) errs.push(forbidden(at.child('values').toString(), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else errs.push(invalid(at.child('operator').toString(), e.operator, 'not a valid selector operator'));
    for (const m of isQualifiedName(e.key)) errs.push(invalid(at.child('key').toString(), e.key, m));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(at.child('values').index(j).toString(), v, m));
    });
  });
  return errs;
}

/**
 * A workload selector must be present, valid, non-empty and select the template's labels, and
 * then the template itself is validated (`validateTemplate`). A selector that does not convert
 * to a label selector stops there, as in ValidateDeploymentSpec/ValidateReplicaSetSpec.
 */
export function validateSelectorAndTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  spec: FieldPath,
  kindForEmpty: string,
  validateTemplate: () => FieldError[],
): FieldError[] {
  const errs: FieldError[] = [];
  const selPath = spec.child('selector');
  if (!selector) {
    errs.push(required(selPath.toString()));
  } else {
    const selectorErrs = validateLabelSelector(selector, selPath);
    errs.push(...selectorErrs);
    if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
      errs.push(invalid(selPath.toString(), goLabelSelector(selector), `empty selector is invalid for ${kindForEmpty}`));
    }
    if (selectorErrs.length) {
      errs.push(invalid(selPath.toString(), goLabelSelector(selector), 'invalid label selector'));
      return errs;
    }
  }
  // A missing selector selects nothing; an empty one everything (and is not compared).
  const sel = fromLabelSelector(selector);
  if (template && (!sel || (sel.length > 0 && !matches(sel, template.metadata?.labels)))) {
    errs.push(
      invalid(spec.child('template').child('metadata').child('labels').toString(), goStringMap(template.metadata?.labels ?? {}), '`selector` does not match template `labels`'),
    );
  }
  errs.push(...validateTemplate());
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
