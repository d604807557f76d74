// --sort-by's comparisons and Go's sort (src/printers/sort). The orders kubectl v1.32 prints for
// whole clusters, ties included, are checked end to end (test/e2e/getformats.test.ts).
import { describe, expect, it } from 'vitest';
import { goSort } from '../../src/printers/sort/gosort';
import { SortError, SortField, UnsortableError, sortByField } from '../../src/printers/sort/sortby';

const sortValues = (values: unknown[], path = '.v') => {
  const items = values.map((v, i) => ({ i, obj: v === undefined ? {} : { v } }));
  sortByField(items, SortField.forObjects(path), (x) => x.obj, 'objects');
  return items.map((x) => x.i);
};

describe('goSort', () => {
  it('sorts any length into the order a consistent comparator gives', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const n of [0, 1, 2, 12, 13, 49, 50, 51, 200, 1000]) {
      const data = Array.from({ length: n }, () => next() % 97);
      const sorted = [...data].sort((a, b) => a - b);
      goSort(data, (a, b) => a < b);
      expect(data).toEqual(sorted);
    }
  });

  it('survives inputs that defeat quicksort (descending, organ pipe, all equal)', () => {
    const n = 500;
    for (const data of [
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      Array.from({ length: n }, () => 3),
    ]) {
      const sorted = [...data].sort((a, b) => a - b);
      goSort(data, (a, b) => a < b);
      expect(data).toEqual(sorted);
    }
  });

  it('is not stable, as Go’s sort.Sort is not: equal keys do not keep their order', () => {
    const data = Array.from({ length: 60 }, (_, i) => ({ key: i % 2, i }));
    goSort(data, (a, b) => a.key < b.key);
    const zeros = data.filter((d) => d.key === 0).map((d) => d.i);
    expect(zeros).not.toEqual([...zeros].sort((a, b) => a - b));
  });
});

describe('sortByField: kubectl isLess on unstructured values', () => {
  it('orders int64, float64 and strings among their own kind; quantities by value when both parse', () => {
    expect(sortValues([3, 1, 2])).toEqual([1, 2, 0]);
    expect(sortValues([0.5, 0.25])).toEqual([1, 0]);
    expect(sortValues(['10Gi', '9Gi', '100m'])).toEqual([2, 1, 0]);
    // Byte order, not natural order, for text that is no quantity (what v1.32 prints).
    expect(sortValues(['x2', 'x10', 'm-1', 'm02'])).toEqual([2, 3, 1, 0]);
  });

  it('puts objects without the field, and nulls, first', () => {
    expect(sortValues(['b', undefined, 'a'])).toEqual([1, 2, 0]);
    expect(sortValues(['b', null, 'a'])).toEqual([1, 2, 0]);
  });

  it('refuses a field no object has, and says nothing of an empty list', () => {
    expect(() => sortValues([undefined, undefined])).toThrow(new SortError('couldn\'t find any field with path "{.v}" in the list of objects'));
    expect(sortValues([])).toEqual([]);
  });

  it('exits as kubectl does on values it cannot compare', () => {
    const fails = (values: unknown[]) => {
      try {
        sortValues(values);
      } catch (e) {
        expect(e).toBeInstanceOf(UnsortableError);
        return `${(e as UnsortableError).source}] ${(e as Error).message}`;
      }
      return 'sorted';
    };
    expect(fails([true, false])).toBe('sorter.go:329] Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool');
    expect(fails([{ a: 1 }, { b: 1 }])).toBe('sorter.go:329] Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}');
    expect(fails([[1], [2]])).toBe('sorter.go:329] Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: []interface {}');
    // An int64 against a float64, or a number against a string, is no pair kubectl compares.
    expect(fails([1, 0.5])).toMatch(/err: unsortable interface: interface$/);
    expect(fails(['a', 1])).toMatch(/err: unsortable interface: interface$/);
  });

  it('parses the field as kubectl does where it sorts', () => {
    expect(SortField.forObjects('metadata.name').field).toBe('{.metadata.name}');
    expect(() => SortField.forObjects('{.a')).toThrow("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
    expect(() => SortField.forTable('.a[')).toThrow(new SortError('sorting error: unterminated array'));
    // A table sorter takes a field that is no relaxed path as it is.
    expect(SortField.forTable('{.a}{.b}').field).toBe('{.a}{.b}');
  });
});
