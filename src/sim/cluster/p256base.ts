// The table of the base point's multiples that P-256 keys and signatures add up (p256.ts): made by
// the build beside the chunks (dist/p256-base.bin; scripts/gen-p256-base.ts), read on first use;
// where there is none, as when the tests run the sources, computed (a few tens of milliseconds).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TABLE_BYTES, computeBaseTable } from './p256';

export const BASE_TABLE_FILE = 'p256-base.bin';

let table: Buffer | undefined;

export function baseTable(): Buffer {
  if (table) return table;
  try {
    const read = fs.readFileSync(path.join(__dirname, BASE_TABLE_FILE));
    if (read.length === TABLE_BYTES) return (table = read);
  } catch {
    // No build beside this code.
  }
  return (table = computeBaseTable());
}
