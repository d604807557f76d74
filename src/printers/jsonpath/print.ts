// Turning results into text: client-go's JSONPath.PrintResults and Execute. Maps and slices
// print as compact JSON, everything else as fmt.Print would (strings bare, float64 as %v), and
// the results of one node are separated by single spaces. With JSON output (kubectl's
// -o jsonpath-as-json) each node's results print instead as one indented JSON array.
import { canonicalJson } from '../../api/meta/canonical';
import { toJson } from '../json';
import { JsonPath } from './eval';
import { formatV } from './gofmt';
import type { JsonPathTemplate } from './nodes';
import { kindOf, toPlain } from './values';

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys (true unless the user says otherwise). */
  allowMissingKeys: boolean;
  /** -o jsonpath-as-json. */
  outputJson?: boolean;
}

function text(v: unknown): string {
  const kind = kindOf(v);
  if (kind === 'map' || kind === 'slice') return canonicalJson(v);
  if (v === undefined) return '<no value>'; // the zero reflect.Value, as text/template says it
  if (v === null) return 'null';
  return formatV(v);
}

/** PrintResults: the text of one node's results. */
export function printResults(results: readonly unknown[], outputJson = false): string {
  // Go would panic on the zero Value here (Value.Interface); it is written as null instead.
  if (outputJson) return toJson(results.map(toPlain));
  return results.map(text).join(' ');
}

/** Execute with an existing JsonPath (whose range state carries over, as in Go). */
export function executeWith(jsonPath: JsonPath, data: unknown, outputJson = false): string {
  return jsonPath
    .findResults(data)
    .map((r) => printResults(r, outputJson))
    .join('');
}

/** FindResults on a fresh JsonPath: the values of each top-level node. */
export function executeJsonPath(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions): unknown[][] {
  return new JsonPath(t, opts.allowMissingKeys).findResults(data);
}

/** Execute on a fresh JsonPath: the text client-go writes for the template; throws JsonPathError. */
export function printJsonPath(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions): string {
  return executeWith(new JsonPath(t, opts.allowMissingKeys), data, opts.outputJson);
}

/** The -o jsonpath-as-json text: each node's results as an indented JSON array. */
export function printJsonPathAsJson(t: JsonPathTemplate, data: unknown, opts: { allowMissingKeys: boolean }): string {
  return printJsonPath(t, data, { ...opts, outputJson: true });
}
