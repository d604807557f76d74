// How deeply nested a JSON or YAML value pocketkube reads. Go's decoders stop at 10000 levels
// (encoding/json's maxNestingDepth, go-yaml's max_flow_level and max_indents), and the scanners
// here give their exact errors past that; but the YAML library, JSON.stringify, structuredClone
// and our own walks (clone, merge, printers) recurse on the JavaScript stack, which holds a few
// thousand levels at best. Every reader of outside text (manifests, patch bodies, edited files)
// checks this limit before anything recurses, so a hostile document gets an error that says what
// is wrong instead of "Maximum call stack size exceeded". Real manifests nest a few dozen levels.

export const MAX_NESTING = 500;

/** The refusal, worded to say it is pocketkube's limit, not the document's or kubectl's. */
export function nestingTooDeep(): string {
  return `nested more than ${MAX_NESTING} levels deep, deeper than pocketkube reads (kubectl reads up to 10000)`;
}

/** A value refused for its nesting; `where` (e.g. "line 6: ") says where it went too deep. */
export class NestingError extends Error {
  constructor(where = '') {
    super(where + nestingTooDeep());
  }
}

/** The greatest nesting of arrays and objects in a JSON value, stopping once past `limit`. */
export function nestingDepth(value: unknown, limit = MAX_NESTING): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth]);
  }
  return deepest;
}
