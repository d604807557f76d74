// The words of Go's encoding/json for the kind of a JSON value, and what the universal decoder
// says when a document's type (apiVersion and kind) cannot be read. Apart from the schema so that
// small readers (the read lane's kubeconfig check) can use them without loading the type tables.

export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/**
 * What the universal decoder says of a JSON document that is no object: it reads the type
 * (apiVersion and kind) into a small struct first, and that unmarshal fails.
 */
export function typeMetaError(v: unknown): string {
  return `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(v)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`;
}
