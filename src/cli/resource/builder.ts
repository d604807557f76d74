// The objects a verb acts on, chosen as cli-runtime's resource.Builder chooses them, for every
// verb that names objects: -f/-k files (the file's objects, or their latest state on the server),
// TYPE NAME... / TYPE1,TYPE2 NAME / TYPE/NAME... (fetched), a TYPE with -l, --field-selector or
// --all (listed; -A across namespaces). The builder's own errors, with its precedence, are thrown
// by `build`; what fails per object (NotFound, a namespace that disagrees) is collected while
// visiting, as the builder's ContinueOnError visitors do.
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { CliError, MultiError } from '../errors';
import type { IO } from '../io';
import { eachSelected, localResourceError, noResourcesError, resolveArgs } from '../resolve';

/** FilenameOptions: -f (repeatable), -k and -R. */
export interface FilenameFlags {
  filenames: string[];
  kustomize?: string;
  recursive: boolean;
}

export interface BuilderSpec {
  /** The command's namespace (NamespaceParam + DefaultNamespace). */
  namespace: string;
  /** -n was given: a file's object in another namespace is refused (FilenameParam's enforceNamespace). */
  enforceNamespace: boolean;
  /** -A: lists span every namespace; a name cannot be fetched across them. */
  allNamespaces?: boolean;
  files?: FilenameFlags;
  /** Client-side validation of what the files hold (create, apply, replace). */
  validate?: boolean;
  /** ResourceTypeOrNameArgs' words. */
  args?: readonly string[];
  /** ResourceNames: names of one type, or TYPE/NAME (cordon, drain and taint name nodes so). */
  resourceNames?: { type: string; names: readonly string[] };
  /** ResourceTypes: what -l and --all list when no words name a type. */
  resourceTypes?: readonly string[];
  /** ResourceTypeOrNameArgs(allowEmptySelector): a bare TYPE means every object of it. */
  allowEmptySelector?: boolean;
  /** --all (SelectAllParam). */
  selectAll?: boolean;
  /** The verb gives --all to the builder before -l (view-last-applied), which changes the error's words. */
  selectAllFirst?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** Files' objects are read again from the server (Latest). */
  latest?: boolean;
  /** Named objects are fetched before the visit (RequireObject, true unless false). */
  requireObject?: boolean;
  /** --local: the files' objects as they are; no server is asked. */
  local?: boolean;
  /** The verb's builder decodes into kubectl's scheme (set's WithScheme), not as unstructured objects. */
  typed?: boolean;
  /** --subresource: only objects named one by one can have one. */
  subresource?: string;
}

/** One object to act on (cli-runtime's Info). */
export interface Info {
  type: ResourceType;
  namespace?: string;
  name: string;
  /** The object: as the file has it, or fetched (unset when RequireObject is off). */
  obj?: KubeObject;
  /** The file it came from ("STDIN" for -), for "error when ..." messages. */
  source?: string;
}

/** An Info whose object is known. */
export type Visited = Info & { obj: KubeObject };

/** What the builder visits, in order. */
export type Source =
  | { kind: 'object'; info: Info; fetch: boolean }
  | { kind: 'list'; type: ResourceType; namespace?: string; labelSelector: string; fieldSelector: string }
  | { kind: 'error'; error: Error };

export interface VisitOptions {
  /** false: listed objects are left to the garbage collector after their visit (a table keeps rows only). */
  keep?: boolean;
  /** Where failures go (the result's `errors` unless given). */
  errors?: Error[];
  /** Without ContinueOnError: the first failure (a file's included) ends the walk, thrown. */
  failFast?: boolean;
}

export class BuilderResult {
  constructor(
    readonly sources: readonly Source[],
    /** Files that stopped early, reported with the rest (visitors' errors are appended here). */
    readonly errors: Error[],
    /** One object named by one TYPE NAME, TYPE/NAME or one file object (IntoSingleItemImplied). */
    readonly singleItemImplied: boolean,
    private readonly filter?: (obj: KubeObject) => boolean,
  ) {}

  /**
   * ContinueOnError: each object in turn, fetched just before its visit; a failure to fetch or of
   * `fn` is appended to `errors` and the walk goes on. Returns how many objects were visited.
   */
  visit(client: Client | undefined, fn: (v: Visited) => void, o: VisitOptions = {}): number {
    let count = 0;
    const errors = o.errors ?? this.errors;
    if (o.failFast && errors.length) throw errors[0];
    const call = (v: Visited) => {
      if (this.filter && !this.filter(v.obj)) return;
      count++;
      if (o.failFast) return fn(v);
      try {
        fn(v);
      } catch (e) {
        errors.push(e as Error);
      }
    };
    for (const s of this.sources) {
      try {
        if (s.kind === 'error') throw s.error;
        if (s.kind === 'list') eachSelected(client!, s.type, s.namespace, s.labelSelector, s.fieldSelector, (obj) => call({ type: s.type, namespace: obj.metadata.namespace, name: obj.metadata.name!, obj }), o.keep === false ? 'once' : 'keep');
        else call({ ...s.info, obj: s.fetch ? fetchInfo(client!, s.info) : s.info.obj! });
      } catch (e) {
        if (o.failFast) throw e;
        errors.push(e as Error);
      }
    }
    return count;
  }

  /** Every object, fetched first (kubectl's r.Infos() under ContinueOnError). */
  infos(client: Client | undefined, errors?: Error[]): Visited[] {
    const out: Visited[] = [];
    this.visit(client, (v) => out.push(v), { errors });
    return out;
  }

  /** The objects named without fetching them (RequireObject(false)); lists are still listed. */
  named(client: Client | undefined): Info[] {
    const out: Info[] = [];
    for (const s of this.sources) {
      if (s.kind === 'error') this.errors.push(s.error);
      else if (s.kind === 'object') {
        if (!this.filter || !s.info.obj || this.filter(s.info.obj)) out.push(s.info);
      } else
        try {
          eachSelected(client!, s.type, s.namespace, s.labelSelector, s.fieldSelector, (obj) => out.push({ type: s.type, namespace: obj.metadata.namespace, name: obj.metadata.name! }), 'keep');
        } catch (e) {
          this.errors.push(e as Error);
        }
    }
    return out;
  }

  /** Throws what was collected: one error as it is, several together. */
  throwErrors(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length) throw new MultiError(this.errors);
  }
}

function fetchInfo(client: Client, info: Info): KubeObject {
  // client-go refuses a request for an object without a name before it is sent.
  if (!info.name) throw new CliError('resource name may not be empty');
  return client.get(info.type, info.namespace, info.name);
}

export function trimmed(s: string | undefined): string {
  return (s ?? '').trim();
}

/** kubectl's FilenameOptions.validate: -k goes alone. */
export function checkFilenameFlags(f: FilenameFlags): void {
  if (f.filenames.length && f.kustomize) throw new CliError('only one of -f or -k can be specified');
  if (f.kustomize && f.recursive) throw new CliError("the -k flag can't be used with -f or -R");
}

/** The builder's checks of its parameters, in the order kubectl's verbs give them. */
function parameterErrors(spec: BuilderSpec, label: string, field: string): void {
  if (spec.files) checkFilenameFlags(spec.files);
  if (!spec.selectAll) return;
  if (spec.selectAllFirst) {
    if (label) throw new CliError(`found non-empty label selector ${JSON.stringify(label)} with previously set 'all' parameter. `);
    if (field) throw new CliError(`found non-empty field selector ${JSON.stringify(field)} with previously set 'all' parameter. `);
  } else if (label || field) throw new CliError("setting 'all' parameter but found a non empty selector. ");
}

/** Resolves what the flags and words name; throws the builder's errors (Result.Err). */
export async function build(io: IO, spec: BuilderSpec): Promise<BuilderResult> {
  const label = trimmed(spec.labelSelector);
  const field = trimmed(spec.fieldSelector);
  parameterErrors(spec, label, field);
  const args = spec.args ?? [];
  const files = spec.files && (spec.files.filenames.length || spec.files.kustomize) ? spec.files : undefined;
  if (files) return (require('./files') as typeof import('./files')).buildFromFiles(io, spec, files, args, label);

  if (spec.resourceNames || spec.resourceTypes) return (require('./names') as typeof import('./names')).buildFromNames(spec, label, field);
  // A local builder reads files only: without them it has nothing, as kubectl's says.
  if (spec.local && args.length) throw localResourceError();
  if (!args.length) throw noResourcesError();
  const resolved = resolveArgs([...args]);
  const tuples = args.some((a) => a.includes('/'));
  const named = resolved.targets.some((t) => t.names.length);
  const listing = !!(label || field || spec.selectAll || (spec.allowEmptySelector && !tuples && !named));
  const namespaceOf = (t: ResourceType) => (t.namespaced ? spec.namespace : undefined);
  if (listing) {
    if (named) throw new CliError(tuples ? 'selectors and the all flag cannot be used when passing resource/name arguments' : 'name cannot be provided when a selector is specified');
    if (spec.subresource) throw new CliError('subresource cannot be used when bulk resources are specified');
    const sources: Source[] = resolved.targets.map((t) => ({
      kind: 'list',
      type: t.type,
      namespace: t.type.namespaced && !spec.allNamespaces ? spec.namespace : undefined,
      labelSelector: label,
      fieldSelector: field,
    }));
    return new BuilderResult(sources, [], false);
  }
  if (!named) throw new CliError('resource(s) were provided, but no name was specified');
  if (spec.allNamespaces && resolved.targets.some((t) => t.type.namespaced)) throw new CliError('a resource cannot be retrieved by name across all namespaces');
  const fetch = spec.requireObject !== false;
  const sources: Source[] = [];
  for (const t of resolved.targets) for (const name of t.names) sources.push({ kind: 'object', info: { type: t.type, namespace: namespaceOf(t.type), name }, fetch });
  return new BuilderResult(sources, [], resolved.singleItem);
}

/** The selection flags as a verb parsed them (the builder's inputs that come from the command line). */
export interface ResourceFlags {
  /** -f, -k and -R as a verb's typed options keep them (else the three flags below). */
  files?: FilenameFlags;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  local?: boolean;
}

/** What most verbs ask of the builder: the command's namespace, its flags and words; `more` adds the verb's own settings. */
export function select(c: { io: IO; namespace(): string; namespaceExplicit: boolean }, args: readonly string[], f: ResourceFlags, more: Partial<BuilderSpec> = {}): Promise<BuilderResult> {
  return build(c.io, {
    namespace: c.namespace(),
    enforceNamespace: c.namespaceExplicit,
    allNamespaces: f.allNamespaces,
    files: f.files ?? { filenames: f.filename ?? [], kustomize: f.kustomize, recursive: !!f.recursive },
    args,
    labelSelector: f.selector,
    fieldSelector: f.fieldSelector,
    local: f.local,
    ...more,
  });
}
