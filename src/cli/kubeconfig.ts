// The kubeconfig-style `config` file: clusters, users, contexts and the current namespace.
// Written as JSON (which is YAML), read as JSON first and YAML otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors';

export interface NamedCluster {
  name: string;
  cluster: { server: string; 'certificate-authority-data'?: string; [k: string]: unknown };
}

export interface NamedContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string };
}

export interface NamedUser {
  name: string;
  user: { token?: string; [k: string]: unknown };
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

export class Kubeconfig {
  constructor(
    readonly file: string,
    public data: KubeconfigData,
  ) {}

  static empty(file: string): Kubeconfig {
    return new Kubeconfig(file, { apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], 'current-context': '', preferences: {}, users: [] });
  }

  static load(file: string): Kubeconfig | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    let data: KubeconfigData;
    try {
      data = JSON.parse(text);
    } catch {
      try {
        // Hand-edited YAML: load the parser only then.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        data = require('yaml').parse(text);
      } catch (e) {
        throw new CliError(`error loading config file "${file}": ${(e as Error).message}`);
      }
    }
    const k = Kubeconfig.empty(file);
    k.data = { ...k.data, ...data, clusters: data?.clusters ?? [], contexts: data?.contexts ?? [], users: data?.users ?? [] };
    return k;
  }

  save(): void {
    // The home it may create is private, whatever the umask, as the store makes it.
    const dir = path.dirname(this.file);
    if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700);
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 2) + '\n', { mode: 0o600 });
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
    this.data.clusters = [...this.data.clusters.filter((x) => x.name !== c.name), c];
  }

  upsertUser(u: NamedUser): void {
    this.data.users = [...this.data.users.filter((x) => x.name !== u.name), u];
  }

  upsertContext(c: NamedContext): void {
    const i = this.data.contexts.findIndex((x) => x.name === c.name);
    if (i >= 0) this.data.contexts[i] = c;
    else this.data.contexts.push(c);
  }
}
