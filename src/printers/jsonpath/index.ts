// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath and the printers around it).
// Result values are the data's own values (JSON null for a JSON null), a GoScalar for what the
// template makes itself (int/float literals, bytes of a string), or undefined for Go's zero
// reflect.Value (a range over a null); printing turns them into kubectl's text.
export { JsonPathError } from './errors';
export { JsonPath } from './eval';
export type { JsonPathNode, JsonPathTemplate } from './nodes';
export { parseJsonPath } from './parser';
export { GoScalar } from './values';
export { type JsonPathOptions, executeJsonPath, printJsonPath, printJsonPathAsJson, printResults } from './print';
export { JsonPathPrinter, JsonPathPrinterError, newJsonPathPrinter } from './printer';
export { relaxedJsonPath } from './relaxed';
export { type JsonPathWait, parseWaitJsonPath, waitJsonPathMet } from './wait';
