// A backup of the store in one file, as `etcdctl snapshot save` makes one of etcd: every
// collection as of the last commit (the journal folded in), the system state, and the home's
// kubeconfig whose credentials the cluster accepts. The file is one header line (JSON: the
// format, the state's revision and system state, and each file's name, size and SHA-256),
// followed by the files' bytes. Reading it checks every size and digest and every collection
// file's index before anything is restored; a restore replaces the store as one fold does.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Collection } from './collection';
import { StoreError, writeDurably } from './files';
import { type SystemState, systemProblem } from './manifest';
import type { Store } from './store';

export const BACKUP_FORMAT = 'pocketkube.backup/v1';

interface Entry {
  /** The collection ("/registry/pods"), or "kubeconfig" for the home's kubeconfig. */
  name: string;
  bytes: number;
  sha256: string;
}

interface Header {
  format: string;
  /** When the backup was made (wall time, RFC 3339). */
  created: string;
  revision: number;
  system: SystemState;
  files: Entry[];
}

export interface Backup {
  created: string;
  revision: number;
  system: SystemState;
  collections: [string, Buffer][];
  kubeconfig?: string;
}

const KUBECONFIG = 'kubeconfig';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Writes a backup of `store` (and the kubeconfig's text, if any) to `file`, atomically and private (0600). */
export function writeBackup(store: Store, file: string, kubeconfig: string | undefined, created: string, pid: number): Backup {
  const snap = store.snapshot();
  const parts: [string, Buffer][] = [...snap.collections];
  if (kubeconfig !== undefined) parts.push([KUBECONFIG, Buffer.from(kubeconfig, 'utf8')]);
  const header: Header = {
    format: BACKUP_FORMAT,
    created,
    revision: snap.revision,
    system: snap.system,
    files: parts.map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: sha256(bytes) })),
  };
  writeDurably(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...parts.map(([, b]) => b)]), pid);
  return { created, revision: snap.revision, system: snap.system, collections: snap.collections, kubeconfig };
}

/** Reads and checks a backup whole; a file that is not one, or not whole, is refused naming what is wrong. */
export function readBackup(file: string): Backup {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new StoreError(`cannot read the backup ${file}: ${(e as Error).message}`);
  }
  const bad = (why: string) => new StoreError(`${file} is not a whole pocketkube backup (${why}); nothing was restored`);
  const nl = bytes.indexOf(0x0a);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, nl < 0 ? bytes.length : nl));
  } catch {
    throw bad('its first line is not a backup header');
  }
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT) throw bad(`its format is not ${BACKUP_FORMAT}`);
  const problem = systemProblem(header.system);
  if (problem) throw bad(problem);
  if (!Number.isSafeInteger(header.revision) || header.revision < 0 || !Array.isArray(header.files)) throw bad('its header is damaged');
  const backup: Backup = { created: String(header.created), revision: header.revision, system: header.system, collections: [] };
  let at = nl + 1;
  for (const entry of header.files) {
    if (typeof entry?.name !== 'string' || !Number.isSafeInteger(entry.bytes) || entry.bytes < 0 || at + entry.bytes > bytes.length) throw bad('it was cut short');
    const part = bytes.subarray(at, at + entry.bytes);
    at += entry.bytes;
    if (sha256(part) !== entry.sha256) throw bad(`the bytes of ${entry.name} do not match their digest`);
    if (entry.name === KUBECONFIG) backup.kubeconfig = part.toString('utf8');
    else {
      // The collection file's index must fit its lines, as when the store opens it.
      try {
        Collection.fromFile(entry.name, part);
      } catch (e) {
        throw bad(`${entry.name}: ${(e as Error).message}`);
      }
      backup.collections.push([entry.name, part]);
    }
  }
  if (at !== bytes.length) throw bad('bytes follow its last file');
  return backup;
}
