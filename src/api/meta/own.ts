// JSON objects as maps whose keys are data. A key read from outside ("__proto__", "constructor",
// "prototype", "toString") must name an own property: `obj[key] = v` with "__proto__" would set
// the object's prototype instead (dropping the key and giving the object inherited fields), and
// `key in obj` or `obj[key]` would find Object.prototype's members. Code that copies, merges or
// looks up keys it did not choose itself goes through these.

const has = Object.prototype.hasOwnProperty;

export function hasOwn(obj: object, key: string): boolean {
  return has.call(obj, key);
}

/** The own property `key` of `obj` (an absent map has none), or undefined. */
export function getOwn<T = unknown>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj !== undefined && has.call(obj, key) ? obj[key] : undefined;
}

/** Sets `key` as an own, enumerable data property, whatever its name. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
