// The shapes of cobra's completion protocol and of the data recorded from kubectl (tree.ts).

/** cobra's ShellCompDirective bits, and the names its __complete prints on standard error. */
export const Directive = {
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
  Default: 0,
} as const;

const DIRECTIVE_NAMES: readonly [number, string][] = [
  [Directive.Error, 'ShellCompDirectiveError'],
  [Directive.NoSpace, 'ShellCompDirectiveNoSpace'],
  [Directive.NoFileComp, 'ShellCompDirectiveNoFileComp'],
  [Directive.FilterFileExt, 'ShellCompDirectiveFilterFileExt'],
  [Directive.FilterDirs, 'ShellCompDirectiveFilterDirs'],
  [Directive.KeepOrder, 'ShellCompDirectiveKeepOrder'],
];

/** cobra's ShellCompDirective.string(): the set bits' names joined by ", ", else Default. */
export function directiveName(d: number): string {
  const names = DIRECTIVE_NAMES.filter(([bit]) => d & bit).map(([, name]) => name);
  return names.length ? names.join(', ') : 'ShellCompDirectiveDefault';
}

/**
 * A flag as `kubectl __complete ... -` lists it: long name, shorthand ('' for none), whether it
 * takes a value ('b': no separate value; 'v': one; 's': a value, repeatable), its usage, and
 * what kubectl completes for its value on its own ([directive, ...candidates]).
 */
export type RecordedFlag = readonly [long: string, short: string, kind: 'b' | 'v' | 's', usage: string, values?: readonly (number | string)[]];

export interface RecordedNode {
  /** Subcommands, sorted as cobra lists them, with their short descriptions. */
  commands?: readonly (readonly string[])[];
  /** Flags cobra suggests even without a leading '-' while they are not given. */
  required?: readonly string[];
  /** True when `flags` is the whole list (a command's own flags shadow or drop inherited ones). */
  own?: boolean;
  /** The command's own flags (after the inherited ones, unless `own`). */
  flags: readonly RecordedFlag[];
}

/** What completion asks of the cluster and the kubeconfig: read-only, and empty when there is none. */
export interface CompletionSource {
  /** Names of objects of a type word ("pods", "po,deploy") in the namespace (the line's, unless given), in list order. */
  names(typeWords: string, namespace?: string): string[];
  /** The entries of the working directory, directories with a trailing "/" (for cp). */
  localFiles(): string[];
  /** Resource types as `api-resources -o name --verbs=get` lists them. */
  resourceTypes(): string[];
  /** Container names (init containers first) of a pod, or of the pod a TYPE/NAME runs. */
  containers(podOrResource: string): string[];
  contexts(): string[];
  clusters(): string[];
  users(): string[];
}

/** A value completer: the arguments left on the line and the word being completed. */
export type Completer = (source: CompletionSource, args: readonly string[], toComplete: string) => { comps: string[]; directive: number };
