// `pocketkube store check`, the store's part: every file the manifest names is there and whole,
// every value in it parses, the journal replays, and nothing is left in `store/` that no
// manifest names. Reads only; what it finds is reported, never mended.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Store } from './store';

export interface CheckReport {
  /** What was looked at and found sound, one line each. */
  facts: string[];
  /** What is wrong, one line each (a script's exit code follows them). */
  problems: string[];
  /** What is worth knowing but is not wrong. */
  notes: string[];
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function checkStoreFiles(store: Store, report: CheckReport): void {
  const { dir, collections, journal } = store.layout;
  report.facts.push(`journal ${journal ?? '(none)'}: ${plural(store.replayed, 'record')} after the last fold, replayed`);
  let values = 0;
  let read = 0;
  for (const name of store.collectionNames()) {
    try {
      // Each value read from its line: the line's shape checked and its JSON parsed.
      store.scan(name, '', false, () => values++);
      if (store.hasView(name)) store.eachView(name, () => {});
      if (collections[name]) read++;
    } catch (e) {
      report.problems.push((e as Error).message);
    }
  }
  report.facts.push(`collections: ${plural(read, 'collection')} read whole, ${plural(values, 'value')} parsed`);
  const live = new Set([...Object.values(collections), journal]);
  const stray = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !live.has(f)) : [];
  if (stray.length) report.notes.push(`${plural(stray.length, 'file')} in ${dir} named by no manifest (left by an interrupted save; the next save removes them): ${stray.join(', ')}`);
}

/** The store's manifest and directory, for the report's first line. */
export function storeSummary(store: Store, file: string): string {
  const { collections, dir } = store.layout;
  // A fold that rewrites several collections writes them into one file.
  const files = new Set(Object.values(collections)).size;
  return `store ${file}: revision ${store.revision}, ${plural(Object.keys(collections).length, 'collection')} in ${plural(files, 'file')} in ${path.basename(dir)}/`;
}
