// The kubeconfig files kubectl loads (client-go's loading rules) and how it writes them back
// (clientcmd.ModifyConfig): --kubeconfig alone; else every file in $KUBECONFIG, merged; else
// the home's own config. Merged, the first file to name a cluster, user or context wins it
// whole, and the first non-empty current-context is the one.
import * as fs from 'node:fs';
import { deepEqual } from '../../api/meta/equal';
import { CliError, MultiError } from '../errors';
import { ConfigLoadError, Kubeconfig, SECTIONS, type KubeconfigData, type Section, emptyConfig, upsertEntry } from './file';

export class KubeconfigChain {
  private mergedConfig?: Kubeconfig;
  /** Which file each merged entry came from, by section and name. */
  private origins = new Map<string, string>();

  constructor(
    /** Files in precedence order. */
    readonly files: readonly string[],
    /** True when --kubeconfig named the one file. */
    readonly explicit: boolean,
    /** The home's own kubeconfig, which pocketkube keeps as JSON; other new files are YAML, as kubectl writes them. */
    private readonly homeFile?: string,
  ) {}

  /** The rules of kubectl's loader: --kubeconfig, else $KUBECONFIG (split like a PATH, repeats dropped), else the home's file. */
  static resolve(explicit: string | undefined, envValue: string | undefined, homeFile: string): KubeconfigChain {
    if (explicit) return new KubeconfigChain([explicit], true, homeFile);
    const fromEnv = [...new Set((envValue ?? '').split(':').filter((f) => f !== ''))];
    return new KubeconfigChain(fromEnv.length ? fromEnv : [homeFile], false, homeFile);
  }

  /** client-go's GetDefaultFilename: where new entries and the current context are written. */
  get defaultFile(): string {
    if (this.files.length === 1) return this.files[0];
    return this.files.find((f) => fs.existsSync(f)) ?? this.files[this.files.length - 1];
  }

  /** Whether any file of the chain exists. */
  exists(): boolean {
    return this.files.some((f) => fs.existsSync(f));
  }

  /**
   * The explicit file must exist for a command that talks to the cluster (client-go stats it);
   * missing files of $KUBECONFIG are skipped.
   */
  checkExplicit(): void {
    if (this.explicit && !fs.existsSync(this.files[0])) throw new CliError(`stat ${this.files[0]}: no such file or directory`);
  }

  /** The merged config (read-only: change it through save()). */
  merged(): Kubeconfig {
    if (this.mergedConfig) return this.mergedConfig;
    const data = emptyConfig();
    // client-go loads every file before it reports the ones it could not (one error, or an aggregate of them).
    const failures: ConfigLoadError[] = [];
    for (const file of this.files) {
      let k: Kubeconfig | undefined;
      try {
        k = Kubeconfig.load(file);
      } catch (e) {
        if (!(e instanceof ConfigLoadError)) throw e;
        failures.push(e);
      }
      if (!k) continue;
      for (const section of SECTIONS) {
        for (const entry of k.data[section] as { name: string }[]) {
          const key = `${section}/${entry.name}`;
          if (this.origins.has(key)) continue;
          this.origins.set(key, file);
          (data[section] as { name: string }[]).push(entry);
        }
      }
      if (!data['current-context'] && k.currentContext) data['current-context'] = k.currentContext;
      if (!Object.keys(data.preferences).length && k.data.preferences) data.preferences = k.data.preferences;
    }
    if (failures.length) throw new MultiError(failures);
    this.mergedConfig = new Kubeconfig(this.defaultFile, data);
    return this.mergedConfig;
  }

  /** The file save() writes an entry to: the one it came from, else the default file. */
  destination(section: Section, name: string): string {
    this.merged();
    return this.origins.get(`${section}/${name}`) ?? this.defaultFile;
  }

  /** A copy of the merged config to change and hand to save(). */
  editable(): KubeconfigData {
    return structuredClone(this.merged().data);
  }

  /**
   * Writes what changed between the merged config and `next` as ModifyConfig does: each changed
   * or removed entry in the file it came from (new ones in the default file), the current
   * context in the default file (or, cleared, in the first file that set it).
   */
  save(next: KubeconfigData): void {
    const start = this.merged().data;
    const touched = new Map<string, Kubeconfig>();
    const fileFor = (name: string) => {
      let k = touched.get(name);
      if (!k) touched.set(name, (k = Kubeconfig.load(name) ?? new Kubeconfig(name, emptyConfig(), name === this.homeFile ? 'json' : 'yaml')));
      return k;
    };
    if (next['current-context'] !== start['current-context']) this.writeCurrentContext(next['current-context'], fileFor);
    // Changed preferences go to the file writes default to, as ModifyConfig writes them.
    if (!deepEqual(next.preferences ?? {}, start.preferences ?? {})) fileFor(this.defaultFile).data.preferences = next.preferences;
    for (const section of SECTIONS) {
      const before = new Map((start[section] as { name: string }[]).map((e) => [e.name, e]));
      const after = new Map((next[section] as { name: string }[]).map((e) => [e.name, e]));
      for (const [name, entry] of after) {
        if (before.has(name) && deepEqual(before.get(name), entry)) continue;
        upsertEntry(fileFor(this.origins.get(`${section}/${name}`) ?? this.defaultFile).data[section] as { name: string }[], entry);
      }
      for (const name of before.keys()) {
        if (!after.has(name)) fileFor(this.origins.get(`${section}/${name}`) ?? this.defaultFile).remove(section, name);
      }
    }
    for (const k of touched.values()) k.save();
    this.mergedConfig = undefined;
    this.origins.clear();
  }

  private writeCurrentContext(name: string, fileFor: (f: string) => Kubeconfig): void {
    if (this.explicit || name) {
      fileFor(this.defaultFile).data['current-context'] = name;
      return;
    }
    for (const f of this.files) {
      const k = fs.existsSync(f) ? fileFor(f) : undefined;
      if (k?.currentContext) {
        k.data['current-context'] = '';
        return;
      }
    }
    throw new CliError('no config found to write context');
  }
}
