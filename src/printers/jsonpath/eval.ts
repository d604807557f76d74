// Evaluation: client-go's JSONPath.FindResults and walk (jsonpath.go).
//
// Ranges are not nested in the parse tree: {range} and {end} are flat actions, and FindResults
// handles them with counters and by re-running itself on the nodes after the {range}. Those
// counters, the last {end} seen and the node list to start from live in the JSONPath object and
// survive an execution, so one JsonPath reused for several objects misbehaves after a range just
// as kubectl's printer does (`set image --local -f` with two objects fails on the second with
// "not in range, nothing to end"). Keep one JsonPath per printer to reproduce that.
//
// A step that fails returns, with its error, the values it had: client-go's existence filter
// ignores the error and looks only at those values, so they are part of the behaviour.
import { compareCodePoints } from '../../api/meta/codepoint';
import { compare } from './compare';
import { JsonPathError } from './errors';
import { formatV } from './gofmt';
import type { JsonPathNode, JsonPathTemplate, ListNode } from './nodes';
import { GoScalar, goTypeName, isMap } from './values';

interface Step {
  values: unknown[];
  error?: string;
}

const ok = (values: unknown[]): Step => ({ values });
const failed = (values: unknown[], error: string): Step => ({ values, error });

/** template.Indirect: looks through the interface{}; a nil one is skipped by most steps. */
const isNil = (v: unknown) => v === null;

/** reflect.ValueOf(v.Interface()): a nil interface{} becomes the zero Value. */
const unwrap = (v: unknown) => (v === null ? undefined : v);

/**
 * Keys in the order a walk visits them. Go visits a map in random order; we sort. A key whose
 * value is undefined is absent, as it would be from the JSON kubectl decodes.
 */
const keysOf = (m: Record<string, unknown>) => Object.keys(m).sort(compareCodePoints);

/** The children `*` and `..` visit: map values, slice elements, or a string's UTF-8 bytes. */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : x));
  if (isMap(v)) return keysOf(v).flatMap((k) => (v[k] === undefined ? [] : [v[k]]));
  if (typeof v === 'string') return [...new TextEncoder().encode(v)].map((b) => new GoScalar('uint8', b));
  return [];
}

export class JsonPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  /** Index into template.nodes of the last {end} that closed a range. */
  private lastEndNode: number | undefined;
  /** Where the top-level node list starts; FindResults moves it past a {range}. */
  private rootStart = 0;

  constructor(
    readonly template: JsonPathTemplate,
    private readonly allowMissingKeys: boolean,
  ) {}

  /** FindResults: one list of values per top-level node; throws JsonPathError. */
  findResults(data: unknown): unknown[][] {
    const base = this.rootStart;
    const nodes = this.template.nodes.slice(base);
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const step = this.walk([data], nodes[i]);
      if (step.error !== undefined) throw new JsonPathError(step.error);
      const results = step.values;

      // An {end}: this (nested) FindResults is done.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = base + i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length) {
          for (const value of results) {
            this.rootStart = base + i + 1;
            full.push(...this.findResults(unwrap(value)));
          }
        } else {
          // Still walk the body, so that its {end} is found.
          this.rootStart = base + i + 1;
          this.findResults(undefined);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (base + k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: JsonPathNode): Step {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return ok([node.text]);
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return ok(input.map(() => new GoScalar('int', node.value)));
      case 'float':
        return ok(input.map(() => new GoScalar('float64', node.value)));
      case 'bool':
        return ok(input.map(() => node.value));
      case 'wildcard':
        return ok(input.flatMap((v) => (isNil(v) ? [] : children(v))));
      case 'recursive':
        return ok(this.evalRecursive(input));
      case 'union':
        return this.evalUnion(input, node.branches);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], node: ListNode): Step {
    let cur = input;
    for (const n of node.nodes) {
      const step = this.walk(cur, n);
      if (step.error !== undefined) return step;
      cur = step.values;
    }
    return ok(cur);
  }

  private evalIdentifier(input: unknown[], name: string): Step {
    if (name === 'range') {
      this.beginRange++;
      return ok(input);
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return ok([]);
      }
      return failed([], 'not in range, nothing to end');
    }
    return failed(input, `unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], name: string): Step {
    if (!input.length) return ok([]);
    const results: unknown[] = [];
    for (const v of input) {
      if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (!results.length && !this.allowMissingKeys) return failed(results, `${name} is not found`);
    return ok(results);
  }

  private evalArray(input: unknown[], node: Extract<JsonPathNode, { type: 'array' }>): Step {
    const result: unknown[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      // Go panics here on the zero Value (reflect: call of Value.Type on zero Value).
      if (!Array.isArray(v)) return failed(input, `${goTypeName(v)} is not array or slice`);
      const len = v.length;
      const [p0, p1, p2] = node.params;
      let start = p0.known ? p0.value : 0;
      if (start < 0) start += len;
      let end = p1.known ? p1.value : len;
      if (end < 0 || (end === 0 && p1.derived)) end += len;
      // Asking for nothing ends the whole step, dropping any inputs not yet seen.
      if (end === start) return ok(result);
      if (start >= len || start < 0) return failed(input, `array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) return failed(input, `array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) return failed(input, `starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) return failed(input, 'step must be > 0');
        step = p2.value;
      }
      for (let i = start; i < end; i += step) result.push(v[i] ?? null);
    }
    return ok(result);
  }

  private evalUnion(input: unknown[], branches: ListNode[]): Step {
    const result: unknown[] = [];
    for (const branch of branches) {
      const step = this.evalList(input, branch);
      if (step.error !== undefined) return failed(input, step.error);
      result.push(...step.values);
    }
    return ok(result);
  }

  /** Every container below the inputs (themselves included) that has children. */
  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      const kids = children(v);
      if (kids.length) result.push(v, ...this.evalRecursive(kids));
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): Step {
    const results: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) return failed(input, `${formatV(v)} is not array or slice and cannot be filtered`);
      for (const slot of v) {
        const item = slot ?? null;
        const lefts = this.evalList([item], node.left);
        if (node.operator === 'exists') {
          // The error is ignored: a failed step that kept values still counts as present.
          if (lefts.values.length) results.push(item);
          continue;
        }
        if (lefts.error !== undefined) return failed(input, lefts.error);
        if (!lefts.values.length) continue;
        if (lefts.values.length > 1) return failed(input, 'can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.error !== undefined) return failed(input, rights.error);
        if (!rights.values.length) continue;
        if (rights.values.length > 1) return failed(input, 'can only compare one element at a time');
        let pass: boolean;
        try {
          pass = compare(node.operator, unwrap(lefts.values[0]), unwrap(rights.values[0]));
        } catch (e) {
          if (e instanceof JsonPathError) return failed(results, e.message);
          throw e;
        }
        if (pass) results.push(item);
      }
    }
    return ok(results);
  }
}
