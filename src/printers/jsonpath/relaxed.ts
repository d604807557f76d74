// kubectl's RelaxedJSONPathExpression (pkg/cmd/get/customcolumn.go), used by custom columns and
// `kubectl wait --for=jsonpath=`: a.b, .a.b, {a.b} and {.a.b} all become {.a.b}.
import { JsonPathError } from './errors';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** The full template for a relaxed path; '' stays ''. Throws JsonPathError for anything else. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}
