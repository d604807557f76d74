// What kubectl checks in each document before it sends anything: its client-side validation
// (unless --validate=false) and decoding into an object it can map to a resource.
import { canonicalJson } from '../../api/meta/canonical';
import { jsonKind, typeErrorIn } from '../../api/schema';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schema validator's getObjectKind: the reason a document cannot be validated, if any. */
export function validationProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return 'invalid object to validate';
  const problems: string[] = [];
  for (const field of ['apiVersion', 'kind']) {
    const v = doc[field];
    if (v === undefined || v === null) problems.push(`${field} not set`);
    else if (typeof v !== 'string') problems.push(`${field} isn't string type`);
  }
  if (!problems.length) return undefined;
  return problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
}

/** Why the unstructured decoder (and its metadata accessor) rejects a document, if it does. */
export function decodeProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return `json: cannot unmarshal ${jsonKind(doc)} into Go value of type unstructured.detector`;
  // A kind that is not a non-empty string counts as missing.
  if (typeof doc.kind !== 'string' || !doc.kind) return `Object 'Kind' is missing in '${canonicalJson(doc)}'`;
  if (doc.metadata === undefined || doc.metadata === null) return undefined;
  return typeErrorIn(doc.metadata, 'ObjectMeta', 'metadataOnlyObject', 'metadata');
}
