// One kubeconfig file: clusters, users, contexts, the current context. pocketkube writes the
// files it makes as JSON (which is YAML); a file read as YAML is written back as YAML.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors';
import type { AuthProviderConfig, ExecConfig } from './authinfo';

export interface NamedCluster {
  name: string;
  cluster: { server?: string; 'certificate-authority'?: string; 'certificate-authority-data'?: string; [k: string]: unknown };
}

export interface NamedContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string; [k: string]: unknown };
}

export interface NamedUser {
  name: string;
  user: { token?: string; username?: string; password?: string; exec?: ExecConfig; 'auth-provider'?: AuthProviderConfig; [k: string]: unknown };
}

export interface KubeconfigData {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: NamedCluster[];
  contexts: NamedContext[];
  'current-context': string;
  preferences: Record<string, unknown>;
  users: NamedUser[];
}

export type Section = 'clusters' | 'contexts' | 'users';
export const SECTIONS: readonly Section[] = ['clusters', 'contexts', 'users'];

export function emptyConfig(): KubeconfigData {
  return { apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], 'current-context': '', preferences: {}, users: [] };
}

export class Kubeconfig {
  constructor(
    readonly file: string,
    public data: KubeconfigData,
    /** The format the file was read in, kept when it is written back. */
    readonly format: 'json' | 'yaml' = 'json',
  ) {}

  static empty(file: string): Kubeconfig {
    return new Kubeconfig(file, emptyConfig());
  }

  /** The file's config; undefined when there is no such file. */
  static load(file: string): Kubeconfig | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    let data: Partial<KubeconfigData> | null;
    let format: 'json' | 'yaml' = 'json';
    try {
      data = JSON.parse(text);
    } catch {
      format = 'yaml';
      try {
        // Hand-edited YAML: load the parser only then.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        data = require('yaml').parse(text);
      } catch (e) {
        throw new CliError(`error loading config file "${file}": ${(e as Error).message}`);
      }
    }
    const base = emptyConfig();
    const d = data ?? {};
    const users = (d.users ?? []).map(decodeUser);
    return new Kubeconfig(
      file,
      { ...base, ...d, clusters: d.clusters ?? [], contexts: d.contexts ?? [], users, 'current-context': d['current-context'] ?? '', preferences: d.preferences ?? {} },
      format,
    );
  }

  save(): void {
    // The home it may create is private, whatever the umask, as the store makes it.
    const dir = path.dirname(this.file);
    if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700);
    const tmp = `${this.file}.tmp`;
    const text =
      this.format === 'yaml'
        ? (require('./serialize') as typeof import('./serialize')).configYaml(this.data)
        : JSON.stringify(this.data, null, 2) + '\n';
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }

  get currentContext(): string {
    return this.data['current-context'] ?? '';
  }

  context(name = this.currentContext): NamedContext | undefined {
    return this.data.contexts.find((c) => c.name === name);
  }

  cluster(name: string): NamedCluster | undefined {
    return this.data.clusters.find((c) => c.name === name);
  }

  user(name: string): NamedUser | undefined {
    return this.data.users.find((u) => u.name === name);
  }

  /** The context's namespace, "default" when unset. */
  namespace(contextName?: string): string {
    return this.context(contextName)?.context.namespace || 'default';
  }

  upsertCluster(c: NamedCluster): void {
    upsertEntry(this.data.clusters, c);
  }

  upsertUser(u: NamedUser): void {
    upsertEntry(this.data.users, u);
  }

  upsertContext(c: NamedContext): void {
    upsertEntry(this.data.contexts, c);
  }

  remove(section: Section, name: string): void {
    (this.data[section] as { name: string }[]) = (this.data[section] as { name: string }[]).filter((x) => x.name !== name);
  }
}

/**
 * A user as clientcmd.Load decodes it: its exec plugin and auth provider in their Go structs'
 * shape and defaulted (so a config written back carries the defaults, as kubectl's does).
 */
function decodeUser(u: NamedUser): NamedUser {
  if (!u || typeof u.user !== 'object' || u.user === null) return u;
  if (!('exec' in u.user) && !('auth-provider' in u.user)) return u;
  // Loaded only for the users that have them (most commands read a config without any).
  const { decodeAuthProvider, decodeExec } = require('./authinfo') as typeof import('./authinfo');
  const user = { ...u.user };
  for (const [key, decode] of [
    ['exec', decodeExec],
    ['auth-provider', decodeAuthProvider],
  ] as const) {
    if (!(key in user)) continue;
    const v = decode(user[key]);
    if (v) user[key] = v as never;
    else delete user[key];
  }
  return { ...u, user };
}

/** Puts an entry in its list: in place when the name is there, else last. */
export function upsertEntry<T extends { name: string }>(list: T[], entry: T): void {
  const i = list.findIndex((x) => x.name === entry.name);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}
