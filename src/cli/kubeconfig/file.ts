// One kubeconfig file: clusters, users, contexts, the current context. pocketkube writes the
// files it makes as JSON (which is YAML); a file read as YAML is written back as YAML.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors';
import type { AuthProviderConfig, ExecConfig } from './authinfo';
import { configError, knownFields } from './schema';

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
    const { data, format } = parseConfig(file, text);
    const d = data ?? {};
    const entries = <T>(list: T[] | null | undefined, inner: string) => (list ?? []).map((e) => zeroFilled(e, inner) as T);
    return new Kubeconfig(
      file,
      {
        ...emptyConfig(),
        ...d,
        apiVersion: 'v1',
        kind: 'Config',
        clusters: entries(d.clusters, 'cluster'),
        contexts: entries(d.contexts, 'context'),
        users: entries(d.users, 'user').map(decodeUser),
        'current-context': d['current-context'] ?? '',
        preferences: d.preferences ?? {},
      },
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

/** A file that clientcmd.Load refuses, in the words kubectl prints for it. */
export class ConfigLoadError extends CliError {
  constructor(file: string, reason: string) {
    super(`error loading config file "${file}": ${reason}`);
  }
}

/**
 * The file's document as clientcmd.Load reads it: JSON (pocketkube's own files, read quickly),
 * else YAML as sigs.k8s.io/yaml reads it (go-yaml v2: `y`, `on`, `0x10` are a bool and a
 * number), then held to clientcmd/api/v1's types (schema.ts). Empty text is an empty config.
 */
function parseConfig(file: string, text: string): { data: Partial<KubeconfigData> | null; format: 'json' | 'yaml' } {
  let data: unknown;
  let format: 'json' | 'yaml' = 'json';
  try {
    data = text === '' ? null : JSON.parse(text);
  } catch {
    format = 'yaml';
    // Hand-edited YAML: load the parser only then.
    const { yamlToJson } = require('../manifest/documents') as typeof import('../manifest/documents');
    try {
      data = yamlToJson(text);
    } catch (e) {
      throw new ConfigLoadError(file, (e as Error).message);
    }
  }
  const problem = configError(data, text);
  if (problem !== undefined) throw new ConfigLoadError(file, problem);
  return { data: knownFields(data) as Partial<KubeconfigData> | null, format };
}

/** The fields Go's zero values give an entry: a null entry, name or body is empty, and a []byte read as an array is its bytes. */
function zeroFilled(entry: unknown, inner: string): unknown {
  const e = (entry ?? {}) as Record<string, unknown>;
  const body = { ...((e[inner] ?? {}) as Record<string, unknown>) };
  for (const k of ['certificate-authority-data', 'client-certificate-data', 'client-key-data'])
    if (Array.isArray(body[k])) body[k] = Buffer.from((body[k] as (number | null)[]).map((b) => b ?? 0)).toString('base64');
  return { ...e, name: e.name ?? '', [inner]: body };
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
