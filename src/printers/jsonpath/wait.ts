// `kubectl wait --for=jsonpath=EXPR[=VALUE]` (pkg/cmd/wait/wait.go and json.go): how the flag
// value is split and checked. Every message is kubectl's; the CLI prints it after "error: ".
import { JsonPathError } from './errors';
import { JsonPath } from './eval';
import { formatV } from './gofmt';
import { parseJsonPath } from './parser';
import { relaxedJsonPath } from './relaxed';
import { kindOf } from './values';

export interface JsonPathWait {
  /** Kept for the whole wait: client-go's range state lives in it. */
  readonly jsonPath: JsonPath;
  /** No =VALUE given: any value satisfies the wait. */
  readonly matchAnyValue: boolean;
  readonly value: string;
}

/** Splits at single '='; '==' stays in the text (a filter's operator). */
function splitInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') cur += input[i];
    else if (input[i + 1] === '=') {
      cur += '==';
      i++;
    } else {
      out.push(cur);
      cur = '';
    }
  }
  out.push(cur);
  return out;
}

const trimChars = (s: string, chars: string) => {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a])) a++;
  while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
};

/** strings.TrimSpace: Go's Unicode white space. */
const trimSpace = (s: string) => s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');

/** Parses what follows "jsonpath=" in --for; throws JsonPathError with kubectl's messages. */
export function parseWaitJsonPath(input: string): JsonPathWait {
  const parts = splitInput(input);
  if (parts.length > 2)
    throw new JsonPathError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  const expression = relaxedJsonPath(parts[0]);
  let value = '';
  if (parts.length === 2) {
    value = trimChars(parts[1], `'"`);
    if (!value) throw new JsonPathError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (!expression) throw new JsonPathError('jsonpath expression cannot be empty');
  return { jsonPath: new JsonPath(parseJsonPath(expression), true), matchAnyValue: value === '', value };
}

/** checkCondition: whether the object satisfies the wait; throws JsonPathError. */
export function waitJsonPathMet(wait: JsonPathWait, obj: unknown): boolean {
  const results = wait.jsonPath.findResults(obj);
  if (!results.length || !results[0].length) return false;
  if (results.length > 1) throw new JsonPathError('given jsonpath expression matches more than one list');
  if (results[0].length > 1) throw new JsonPathError('given jsonpath expression matches more than one value');
  if (wait.matchAnyValue) return true;
  const r = results[0][0];
  if (kindOf(r) === 'map' || kindOf(r) === 'slice')
    throw new JsonPathError('jsonpath leads to a nested object or list which is not supported');
  return trimSpace(formatV(r)) === trimSpace(wait.value);
}
