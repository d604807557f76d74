// kubectl kustomize [DIR]: builds a kustomization directory and prints its objects as YAML
// documents (or writes them to -o PATH, or to a file each in -o DIR), as kubectl v1.32's
// embedded kustomize v5.5 does.
//
// Its flags are kustomize's build flags. Those of KRM functions (--network, --network-name,
// --mount, -e/--env, --as-current-user, --enable-alpha-plugins) and of the Helm chart inflator
// (--enable-helm, --helm-*) are accepted and parsed as kustomize parses them, but only matter to
// what pocketkube refuses whichever flags are given: a kustomization's helmCharts, generators and
// transformers. --load-restrictor and the deprecated --reorder and --enable-managedby-label
// (and KUSTOMIZE_ENABLE_MANAGEDBY_LABEL=on) are checked and honoured, but --reorder=none without
// sortOptions, which is refused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Command, Option } from '../command';
import type { CommandContext } from '../context';
import { ExitCode } from '../errors';
import { klogCommandFailed, klogInfo } from '../klog';
import { addGlobalFlags, collect } from '../program';
import { type Verb, verbAction } from '../verb';

/** Deprecated flags: pflag prints their message each time one is given. */
const DEPRECATED: Record<string, string> = {
  reorder: "use the new 'sortOptions' field in kustomization.yaml instead.",
  'enable-managedby-label': 'The flag `enable-managedby-label` has been deprecated. Use the `managedByLabel` option in the `buildMetadata` field instead.',
};

/** The label --enable-managedby-label adds: kubectl's embedded kustomize has no module version ("(devel)"). */
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGED_BY_VALUE = 'kustomize-(devel)';

/** kustomize's environment variable that turns the label on as the flag does. */
const MANAGED_BY_ENV = 'KUSTOMIZE_ENABLE_MANAGEDBY_LABEL';

interface KustomizeOptions {
  /** The kustomization's directory: at most one (Validate's check), else ".". */
  args: string[];
  /** -o: a file, or an existing directory for a file per object; standard output without it. */
  output?: string;
  loadRestrictor: string;
  reorder: string;
  /** --reorder was given: only then does it meet a kustomization's sortOptions. */
  reorderGiven: boolean;
  /** --enable-managedby-label, or KUSTOMIZE_ENABLE_MANAGEDBY_LABEL=on. */
  managedByLabel: boolean;
}

/**
 * What kustomize's command returns as its error: kubectl's main logs it as klog's "command
 * failed" line, not as "error: ...".
 */
class CommandFailed extends Error {}

/** The deprecation lines for the deprecated flags on the command line, in its order. */
function deprecationLines(argv: readonly string[]): string[] {
  const lines: string[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    const m = /^--([a-z-]+)(?:=|$)/.exec(arg);
    const message = m && Object.hasOwn(DEPRECATED, m[1]) ? DEPRECATED[m[1]] : undefined;
    if (message) lines.push(`Flag --${m![1]} has been deprecated, ${message}\n`);
  }
  return lines;
}

/** A boolean flag (the parser reads --flag=false itself, as pflag does). */
function boolFlag(cmd: Command, flags: string, usage: string, hidden = false): Command {
  const option = new Option(flags, usage);
  if (hidden) option.hideHelp();
  return cmd.addOption(option);
}

const kustomizeVerb: Verb<KustomizeOptions> = {
  complete(c, args, f, cmd) {
    // pflag prints a deprecated flag's message as it parses it.
    for (const line of deprecationLines(cmd.root().rawArgs)) c.io.err.write(line);
    return {
      args,
      output: f.output || undefined,
      loadRestrictor: f.loadRestrictor,
      reorder: f.reorder,
      reorderGiven: cmd.getOptionValueSource('reorder') === 'cli',
      managedByLabel: !!f.enableManagedbyLabel || c.env[MANAGED_BY_ENV] === 'on',
    };
  },

  /** kustomize's Validate: one path at most, then the restrictor and the order by their legal values. */
  validate(o) {
    if (o.args.length > 1) throw new CommandFailed('specify one path to kustomization.yaml');
    const restrictor = o.loadRestrictor;
    if (restrictor !== 'LoadRestrictionsRootOnly' && restrictor !== 'LoadRestrictionsNone' && restrictor !== '')
      throw new CommandFailed(`illegal flag value --load-restrictor ${restrictor}; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]`);
    if (o.reorder !== 'legacy' && o.reorder !== 'none') throw new CommandFailed(`illegal flag value --reorder ${o.reorder}; legal values: [legacy none]`);
  },

  run(c, o) {
    const { build, KustomizeError } = require('../manifest/kustomize') as typeof import('../manifest/kustomize');
    const { toYaml } = require('../../printers/yaml') as typeof import('../../printers/yaml');
    const dir = o.args[0] ?? '.';
    let result: ReturnType<typeof build>;
    // What kustomize logs goes through Go's log package, which kubectl's klog prints as info lines.
    const log = (lines: string[]) => lines.forEach((l) => klogInfo(c, 'log.go:245', l));
    try {
      result = build(dir, { loadRestrictionsNone: o.loadRestrictor === 'LoadRestrictionsNone', reorderFlag: o.reorderGiven });
    } catch (e) {
      if (!(e instanceof KustomizeError)) throw e;
      for (const w of e.warnings) c.io.err.write(`${w}\n`);
      log(e.logs);
      throw new CommandFailed(e.message);
    }
    for (const w of result.warnings) c.io.err.write(`${w}\n`);
    log(result.logs);
    // A kustomization's sortOptions win over --reorder (the build logs kustomize's warning when
    // both are given). --reorder=none alone would keep the resources in the order they were
    // accumulated, which the build does not return: refused until it does (sortOptions' fifo
    // order is that).
    if (o.reorderGiven && o.reorder === 'none' && !hasSortOptions(dir))
      throw new CommandFailed('pocketkube does not support --reorder=none yet: set sortOptions (order: fifo) in kustomization.yaml instead');
    let objects = result.objects;
    if (o.managedByLabel) objects = objects.map(withManagedByLabel);
    if (o.output && fs.statSync(o.output, { throwIfNoEntry: false })?.isDirectory()) return writeIndividualFiles(o.output, objects);
    const text = objects.map((obj) => toYaml(obj)).join('---\n');
    if (o.output) fs.writeFileSync(o.output, text);
    else c.io.out.write(text);
  },
};

/** A CommandFailed as kubectl's main reports it: the klog line, then exit 1; other errors as they are. */
function reported(ctx: CommandContext, e: unknown): unknown {
  if (!(e instanceof CommandFailed)) return e;
  klogCommandFailed(ctx, e.message);
  return new ExitCode(1);
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('kustomize')
    .description('Build a kustomization target from a directory or URL')
    .argument('[args...]')
    .option('-o, --output <path>', 'If specified, write output to this path.')
    // AddFunctionBasicsFlags
    .option('--network-name <name>', 'the docker network to run the container in', 'bridge')
    .option('--mount <storage>', 'a list of storage options read from the filesystem', collect)
    .option('-e, --env <var>', 'a list of environment variables to be used by functions', collect);
  boolFlag(cmd, '--network', 'enable network access for functions that declare it');
  boolFlag(cmd, '--as-current-user', 'use the uid and gid of the command executor to run the function in the container');
  cmd.option('--load-restrictor <restrictor>', "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization.", 'LoadRestrictionsRootOnly');
  boolFlag(cmd, '--enable-alpha-plugins', 'enable kustomize plugins');
  cmd.addOption(new Option('--reorder <order>', "Reorder the resources just before output. Use 'legacy' to apply a legacy reordering (Namespaces first, Webhooks last, etc). Use 'none' to suppress a final reordering.").default('legacy').hideHelp());
  boolFlag(cmd, '--enable-managedby-label', 'enable adding app.kubernetes.io/managed-by', true);
  // AddFlagEnableHelm
  boolFlag(cmd, '--enable-helm', 'Enable use of the Helm chart inflator generator.');
  cmd
    .option('--helm-command <command>', 'helm command (path to executable)', 'helm')
    .option('--helm-api-versions <versions>', 'Kubernetes api versions used by Helm for Capabilities.APIVersions', collect)
    .option('--helm-kube-version <version>', 'Kubernetes version used by Helm for Capabilities.KubeVersion', '');
  boolFlag(cmd, '--helm-debug', 'Enable debug output from the Helm chart inflator generator.');

  // A Verb's failure has no command context: the klog line goes through this one, whose streams
  // the command's context shares.
  addGlobalFlags(cmd).action(verbAction(ctx, { ...kustomizeVerb, failure: (e) => reported(ctx, e) }));
}

/** Whether the kustomization built (already read once, so it is there and valid) sets sortOptions. */
function hasSortOptions(dir: string): boolean {
  const { buildRoot, kustomizationFile, readKustomization } = require('../manifest/kustomize/load') as typeof import('../manifest/kustomize/load');
  const k = readKustomization(kustomizationFile(buildRoot(dir)));
  return k.sortOptions !== undefined && k.sortOptions !== null;
}

/** The label transformer kustomize runs for the managed-by label: metadata.labels, created if absent. */
function withManagedByLabel<T extends Record<string, any>>(obj: T): T {
  const metadata = (obj.metadata ?? {}) as Record<string, any>;
  return { ...obj, metadata: { ...metadata, labels: { ...(metadata.labels ?? {}), [MANAGED_BY_LABEL]: MANAGED_BY_VALUE } } };
}

/**
 * -o naming a directory: each object in a file of its own (kustomize's WriteIndividualFiles),
 * named group_version_kind_name.yaml in lower case, prefixed by its namespace ("" is default)
 * when the namespaced objects are in more than one.
 */
function writeIndividualFiles(dir: string, objects: readonly Record<string, any>[]): void {
  const { groupVersion, isClusterScoped, kindOf, nameOf, namespaceOf } = require('../manifest/kustomize/resource') as typeof import('../manifest/kustomize/resource');
  const { toYaml } = require('../../printers/yaml') as typeof import('../../printers/yaml');
  const fileName = (o: Record<string, any>) => {
    const { group, version } = groupVersion(o);
    return `${[group, version, kindOf(o)].filter((f) => f !== '').join('_').toLowerCase()}_${nameOf(o).toLowerCase()}.yaml`;
  };
  const namespaces = new Set(objects.filter((o) => !isClusterScoped(o)).map((o) => namespaceOf(o) || 'default'));
  for (const o of objects) {
    const prefix = !isClusterScoped(o) && namespaces.size > 1 ? `${(namespaceOf(o) || 'default').toLowerCase()}_` : '';
    fs.writeFileSync(path.join(dir, prefix + fileName(o)), toYaml(o));
  }
}
