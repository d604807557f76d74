// kubectl get --sort-by (pkg/cmd/get/sorter.go): the first value a JSONPath finds in each object
// orders the objects, compared as kubectl's isLess compares unstructured values: int64 with int64,
// float64 with float64, strings as quantities when both parse ("512Mi" < "1Gi") and otherwise
// byte by byte ("x10" < "x2": v1.32 prints that order, recorded from it, although its source
// calls a natural-order comparison), a missing value or null first; any other pair cannot be sorted and kubectl exits
// from inside the sort (klog.Exitf), which UnsortableError carries. The sort is Go's (gosort.ts).
import { compareCodePoints } from '../../api/meta/codepoint';
import { goQuote } from '../../api/meta/goquote';
import { tryParseQuantity } from '../../api/meta/quantity';
import { JsonPath, JsonPathError, parseJsonPath, relaxedJsonPath } from '../jsonpath';
import { GoScalar, goTypeName, kindOf } from '../jsonpath/values';
import { goSort } from './gosort';

/** A sort that failed before anything was printed; kubectl prints "error: " and the message. */
export class SortError extends Error {
  override readonly name = 'SortError';
}

/** kubectl's klog.Exitf from inside the sort: a fatal log line from `source`, exit status 1. */
export class UnsortableError extends Error {
  override readonly name = 'UnsortableError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
  }
}

const MISSING = Symbol('missing');
/** What an object gives the sort: the first value the field finds in it, or nothing. */
export type SortValue = unknown;

/** Where the sort runs: over objects (RuntimeSort) or over a table's rows (TableSorter). */
export type SortSite = 'objects' | 'table';

/** What kubectl's Exitf names: the file and line, and the %T of what it sorted. */
const SITES: Record<SortSite, { source: string; sorted: string }> = {
  objects: { source: 'sorter.go:329', sorted: '*unstructured.Unstructured' },
  table: { source: 'sorter.go:375', sorted: '[][][]reflect.Value' },
};

/** The field of --sort-by, parsed as kubectl parses it where it sorts. */
export class SortField {
  private constructor(
    readonly field: string,
    private readonly path: JsonPath,
  ) {}

  /** SortObjects: the relaxed form must parse; its errors are kubectl's own texts (JsonPathError). */
  static forObjects(sortBy: string): SortField {
    const field = relaxedJsonPath(sortBy);
    return new SortField(field, new JsonPath(parseJsonPath(field), true));
  }

  /** NewTableSorter: a field that is not a relaxed path is parsed as given; errors say "sorting error". */
  static forTable(sortBy: string): SortField {
    let field: string;
    try {
      field = relaxedJsonPath(sortBy);
    } catch {
      field = sortBy;
    }
    try {
      return new SortField(field, new JsonPath(parseJsonPath(field), true));
    } catch (e) {
      if (e instanceof JsonPathError) throw new SortError(`sorting error: ${e.message}`);
      throw e;
    }
  }

  /** values[0][0] of FindResults, or MISSING. */
  valueOf(obj: unknown): SortValue {
    const results = this.path.findResults(obj);
    return results.length && results[0].length ? results[0][0] : MISSING;
  }
}

/**
 * Sorts `items` in place by `field`, as kubectl sorts objects or rows: throws SortError when no
 * item has the field (an empty list is left alone), UnsortableError when two values cannot be
 * compared. `valueOf` gives the object an item stands for.
 */
export function sortByField<T>(items: T[], field: SortField, valueOf: (item: T) => unknown, site: SortSite): void {
  const keyed = items.map((item) => ({ item, key: field.valueOf(valueOf(item)) }));
  sortKeyed(keyed, field, site);
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i].item;
}

/** The same, for items whose values were taken already (a table keeps its rows, not its objects). */
export function sortKeyed<T>(keyed: { item: T; key: SortValue }[], field: SortField, site: SortSite): void {
  if (!keyed.length) return;
  if (!keyed.some((k) => k.key !== MISSING)) throw new SortError(`couldn't find any field with path ${goQuote(field.field)} in the list of objects`);
  goSort(keyed, (a, b) => {
    if (a.key === MISSING) return true;
    if (b.key === MISSING) return false;
    const verdict = isLess(a.key, b.key);
    if (typeof verdict === 'string') {
      const { source, sorted } = SITES[site];
      throw new UnsortableError(source, `Field ${field.field} in ${sorted} is an unsortable type: ${a.key === undefined ? 'invalid' : 'interface'}, err: ${verdict}`);
    }
    return verdict;
  });
}

/** isLess on two values held in interface{}: the verdict, or the error text when they cannot be compared. */
function isLess(i: unknown, j: unknown): boolean | string {
  // The zero reflect.Value (a range over null): neither an interface nor anything sortable.
  if (i === undefined) return 'unsortable type: invalid';
  if (i === null) return j !== null;
  if (j === null) return false;
  const ki = goTypeName(i);
  const kj = goTypeName(j);
  switch (kindOf(i)) {
    case 'int':
    case 'uint':
    case 'float':
      return ki === kj ? num(i) < num(j) : 'unsortable interface: interface';
    case 'string': {
      if (kj !== 'string') return 'unsortable interface: interface';
      const qi = tryParseQuantity(i as string);
      const qj = qi && tryParseQuantity(j as string);
      return qi && qj ? qi.cmp(qj) < 0 : compareCodePoints(i as string, j as string) < 0;
    }
    default:
      return `unsortable type: ${ki}`;
  }
}

const num = (v: unknown) => (v instanceof GoScalar ? v.value : (v as number));
