// Stored objects are handed out frozen: readers must copy before changing (STYLE.md), and a
// mistake fails loudly instead of silently editing the store.
export function deepFreeze<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object' || Object.isFrozen(obj)) return obj;
  Object.freeze(obj);
  // Loops that make no array of keys or values: every stored object is walked here.
  if (Array.isArray(obj)) for (let i = 0; i < obj.length; i++) deepFreeze(obj[i]);
  else for (const k in obj) deepFreeze((obj as Record<string, unknown>)[k]);
  return obj;
}
