// Stored objects are handed out frozen: readers must copy before changing (STYLE.md), and a
// mistake fails loudly instead of silently editing the store.
export function deepFreeze<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object' || Object.isFrozen(obj)) return obj;
  Object.freeze(obj);
  for (const v of Object.values(obj as object)) deepFreeze(v);
  return obj;
}
