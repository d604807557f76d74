// ObjectMeta validation shared by every kind (apimachinery ValidateObjectMeta).
import { type FieldError, FieldPath, invalid, required, forbidden, tooLong } from '../field';
import type { Labels, ObjectMeta } from '../types';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';

export type NameValidator = (name: string) => string[];

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

export function validateLabels(labels: Labels | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalid(path.toString(), k, m));
    for (const m of isValidLabelValue(String(v))) errs.push(invalid(path.toString(), v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path.toString(), k, m));
    // Go counts bytes.
    size += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(String(v), 'utf8');
  }
  // v1.32's field.TooLong: "may not be more than N bytes".
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(path.toString(), TOTAL_ANNOTATION_SIZE));
  return errs;
}

export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  validateName: NameValidator = isDNS1123Subdomain,
  path = FieldPath.root('metadata'),
): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) errs.push(required(path.child('name').toString(), 'name or generateName is required'));
  else for (const m of validateName(meta.name)) errs.push(invalid(path.child('name').toString(), meta.name, m));
  if (namespaced) {
    if (!meta.namespace) errs.push(required(path.child('namespace').toString()));
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace').toString(), 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  return errs;
}
