// Flags many verbs share, declared once: kubectl's FileNameFlags (-f, -k, -R), the label
// selector, --dry-run and PrintFlags' -o. Each verb gives its own usage text where kubectl's
// differs; the spelling, value parsing and defaults live here.
import { type Command, Option } from '../command';
import { collectSlice, intFlag } from '../program';
import type { FilenameFlags } from '../resource/builder';
import { durationFlag } from './duration';

/** -f, --filename: repeatable and comma-separated, as pflag's StringSlice. */
export function filenameOption(usage: string): Option {
  return new Option('-f, --filename <file>', usage).argParser(collectSlice);
}

/** -R, --recursive (wait's defaults to true). */
export function recursiveOption(usage = 'Process the directory used in -f, --filename recursively.', defaultValue?: boolean): Option {
  return new Option('-R, --recursive', usage).default(defaultValue);
}

/** -k, --kustomize: a kustomization directory instead of -f files. */
export function kustomizeOption(usage = "Process the kustomization directory. This flag can't be used together with -f or -R."): Option {
  return new Option('-k, --kustomize <dir>', usage);
}

export interface FilenameFlagsSpec {
  /** -f's usage. */
  filename: string;
  /** Whether the verb takes -k (kubectl's FileNameFlags with Kustomize set). */
  kustomize?: boolean;
  recursive?: string;
  /** wait's -R defaults to true. */
  recursiveDefault?: boolean;
}

/** kubectl's FileNameFlags.AddFlags: -f, -R and (where the verb has it) -k. */
export function addFilenameFlags(cmd: Command, spec: FilenameFlagsSpec): Command {
  cmd.addOption(filenameOption(spec.filename)).addOption(recursiveOption(spec.recursive, spec.recursiveDefault));
  if (spec.kustomize) cmd.addOption(kustomizeOption());
  return cmd;
}

/** The parsed -f, -k and -R, as the resource builder takes them. */
export function filenameFlagsOf(o: Record<string, any>): FilenameFlags {
  return { filenames: o.filename ?? [], kustomize: o.kustomize, recursive: !!o.recursive };
}

/** cmdutil.IsFilenameSliceEmpty's opposite: -f or -k was given. */
export function filenameGiven(o: Record<string, any>): boolean {
  return !!(o.filename?.length || o.kustomize);
}

/** -l, --selector: a label query, checked where it is used. */
export function selectorOption(usage = 'Selector (label query) to filter on.'): Option {
  return new Option('-l, --selector <selector>', usage);
}

/** --dry-run[=none|client|server], read by flags/output.ts's parseDryRun. */
export function dryRunOption(usage = 'Must be "none", "server", or "client".'): Option {
  return new Option('--dry-run [strategy]', usage);
}

/** -o, --output: parsed by flags/output.ts's parseOutput. */
export function outputOption(usage = 'Output format. One of: (json, yaml, name).', defaultValue?: string): Option {
  return new Option('-o, --output <format>', usage).default(defaultValue);
}

export interface WaitFlagsSpec {
  /** --wait's default; no --wait flag when undefined (scale, drain and rollout status have only --timeout). */
  wait?: boolean;
  timeout: string;
  /** --timeout's default in milliseconds (0s unless given). */
  timeoutDefault?: number;
}

/**
 * Waiting for what a command did to take effect: --wait (delete waits by default, apply and
 * replace do not) and --timeout, a Go duration parsed as pflag parses it.
 */
export function addWaitFlags(cmd: Command, spec: WaitFlagsSpec): Command {
  if (spec.wait !== undefined) {
    cmd.addOption(new Option('--wait', 'If true, wait for resources to be gone before returning. This waits for finalizers.').default(spec.wait));
  }
  return cmd.addOption(timeoutOption(spec.timeout, spec.timeoutDefault));
}

/** --timeout alone: a Go duration in milliseconds, 0s unless the verb's default differs. */
export function timeoutOption(usage: string, defaultMs = 0): Option {
  return new Option('--timeout <duration>', usage).argParser(durationFlag()).default(defaultMs);
}

export interface DeleteFlagsSpec {
  /** -f's usage. */
  filename: string;
  /** --wait's default: delete waits, replace and run's --rm do not. */
  wait: boolean;
}

/**
 * kubectl's DeleteFlags, for the verbs that delete (delete; replace --force; run --rm): -f, -k and
 * -R, --cascade, --force, --grace-period, --wait and --timeout. Read by flags/cascade.ts and the verbs.
 */
export function addDeleteFlags(cmd: Command, spec: DeleteFlagsSpec): Command {
  addFilenameFlags(cmd, { filename: spec.filename, kustomize: true });
  cmd
    .option('--cascade [policy]', 'Must be "background", "orphan", or "foreground".', 'background')
    .option('--force', 'If true, immediately remove resources from API and bypass graceful deletion.')
    .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully.', intFlag(), -1);
  return addWaitFlags(cmd, { wait: spec.wait, timeout: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' });
}
