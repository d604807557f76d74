// JSON patch (RFC 6902) through fast-json-patch, failing with the API server's wording.
import type { Operation } from 'fast-json-patch';
import { clone } from '../meta/equal';

export class JsonPatchError extends Error {}

function explain(op: Operation | undefined, code: string | undefined): string {
  if (!op) return 'invalid JSON patch';
  const last = op.path.split('/').pop() ?? '';
  if (code === 'TEST_OPERATION_FAILED') return `testing value ${op.path} failed: test failed`;
  switch (op.op) {
    case 'remove':
      return `Unable to remove nonexistent key: ${last}: missing value`;
    case 'replace':
      return `replace operation does not apply: doc is missing key: ${op.path}: missing value`;
    default:
      return `${op.op} operation does not apply: doc is missing path: ${JSON.stringify(op.path)}: missing value`;
  }
}

export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    // Loaded on first use: most invocations never apply a JSON patch.
    const { applyPatch } = require('fast-json-patch') as typeof import('fast-json-patch');
    return applyPatch(clone(target), ops as Operation[], true, true).newDocument;
  } catch (e) {
    const err = e as { name?: string; operation?: Operation };
    throw new JsonPatchError(explain(err.operation, err.name));
  }
}
