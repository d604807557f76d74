// kubectl taint: add (key[=value]:Effect), change (--overwrite) or remove (key-, key:Effect-)
// taints of nodes named, selected with -l, or --all; "tainted", "untainted" or "modified".
import type { Command } from '../command';
import { node as nodeKind } from '../../api/kinds/node';
import { goQuote } from '../../api/meta/goquote';
import { isQualifiedName, isValidLabelValue } from '../../api/validation/names';
import type { Node, Taint } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type DryRun, MutationPrinter, type OutputFormat, parseDryRun, parseOutput } from '../flags/output';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';
import { resourceTypeOf } from '../resolve';
import { buildFromNames } from '../resource/names';
import { dryRunOption, outputOption } from '../flags/groups';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
type Effect = (typeof EFFECTS)[number];

/** A taint as kubectl parses it: effect empty only for a removal by key. */
interface Spec {
  key: string;
  value: string;
  effect: Effect | '';
}

/** corev1.Taint.ToString. */
function taintString(t: Spec): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** parseTaint: '<key>=<value>:<effect>', '<key>:<effect>' or '<key>'. */
function parseTaint(st: string): Spec {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect: Spec['effect'] = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    if (!EFFECTS.includes(parts[1] as Effect)) throw new CliError(`invalid taint effect: ${parts[1]}, unsupported taint effect`);
    effect = parts[1] as Effect;
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new CliError(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new CliError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new CliError(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new CliError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return { key, value, effect };
}

/** parseTaints: what to add (each needing an effect, unique by key and effect) and to remove. */
export function parseTaints(specs: readonly string[]): { add: Spec[]; remove: Spec[] } {
  const add: Spec[] = [];
  const remove: Spec[] = [];
  for (const s of specs) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      remove.push({ key: t.key, value: '', effect: t.effect });
      continue;
    }
    const t = parseTaint(s);
    if (!t.effect) throw new CliError(`invalid taint spec: ${s}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) throw new CliError(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`);
    add.push(t);
  }
  return { add, remove };
}

const matchTaint = (a: { key: string; effect: string }, b: { key: string; effect: string }) => a.key === b.key && a.effect === b.effect;

function toTaint(s: Spec): Taint {
  return { key: s.key, ...(s.value ? { value: s.value } : {}), effect: s.effect as Effect };
}

/**
 * reorganizeTaints: the new taints first, then the old ones they do not replace, less those
 * removed; the word kubectl prints, and the removals that matched nothing.
 */
export function reorganizeTaints(old: readonly Taint[], overwrite: boolean, add: readonly Spec[], remove: readonly Spec[]): { operation: string; taints: Taint[]; notFound: string[] } {
  let taints: Taint[] = add.map(toTaint);
  for (const o of old) if (!taints.some((t) => matchTaint(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const notFound: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matchTaint(t, r) : t.key !== r.key));
    removed = taints.length !== before;
    if (!removed) notFound.push(`taint ${goQuote(taintString(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, notFound };
}

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('taint')
      .description('Update the taints on one or more nodes')
      .argument('[args...]')
      .option('--all', 'Select all nodes in the cluster')
      .option('--overwrite', 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.')
      .option('-l, --selector <selector>', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", '')
      .addOption(dryRunOption())
      .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'))
      .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.', 'kubectl-taint')
      .option('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.'),
  ).action(verbAction(ctx, taintVerb));
}

export interface TaintOptions {
  /** "node" (or nodes, no) and the node names after it. */
  resources: string[];
  taints: ReturnType<typeof parseTaints>;
  overwrite: boolean;
  all: boolean;
  selector: string;
  dryRun: DryRun;
  output: OutputFormat;
}

const taintVerb: Verb<TaintOptions> = {
  complete(c, args, f) {
    const dryRun = parseDryRun(c, f.dryRun);
    // Resources first, then taints: anything with '=', ':' or a trailing '-' is a taint.
    const resources: string[] = [];
    const taintArgs: string[] = [];
    for (const s of args) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) taintArgs.push(s);
      else if (taintArgs.length) throw new CliError(`all resources must be specified before taint changes: ${s}`);
      else resources.push(s);
    }
    const output = parseOutput(f.output, false, f);
    if (!resources.length) throw new CliError('one or more resources must be specified as <resource> <name>');
    if (!taintArgs.length) throw new CliError('at least one taint update is required');
    let taints: ReturnType<typeof parseTaints>;
    try {
      taints = parseTaints(taintArgs);
    } catch (e) {
      throw new CliError((e as Error).message, 'taint');
    }
    return { resources, taints, overwrite: !!f.overwrite, all: !!f.all, selector: f.selector, dryRun, output };
  },

  validate(o) {
    const typeWord = o.resources[0].toLowerCase();
    if (resourceTypeOf(typeWord) !== nodeKind.type) throw new CliError(`invalid resource type ${typeWord}, only node types are supported`);
    const { add, remove } = o.taints;
    const conflicts = add.flatMap((a) => remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect}`));
    if (conflicts.length) throw new CliError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    if (o.all && o.selector) throw new CliError("setting 'all' parameter with a non empty selector is prohibited");
    if (!o.all && !o.selector && o.resources.length < 2) throw new CliError("at least one resource name must be specified since 'all' parameter is not set");
  },

  run(c, o) {
    // kubectl sets "(dry run)" on its printer and then overwrites it: taint never says it.
    const printer = new MutationPrinter(c.io.out, o.output, 'none');
    const { dryRun, selector, taints: parsed } = o;
    const { client } = c.cluster(dryRun === 'client' ? 'read' : 'write');
    // kubectl's builder: -l or --all list the nodes; otherwise the names (or node/NAME) in order,
    // a node that could not be fetched reporting its error in its place.
    const selection = buildFromNames({
      namespace: c.namespace(),
      enforceNamespace: false,
      resourceNames: o.all || selector ? undefined : { type: 'node', names: o.resources.slice(1) },
      resourceTypes: o.all || selector ? ['node'] : undefined,
      labelSelector: selector,
      selectAll: o.all,
    });
    selection.visit(client, ({ obj }) => {
      const node = obj as Node;
      const old = node.spec?.taints ?? [];
      if (!o.overwrite) {
        const exists = parsed.add.flatMap((a) => old.filter((t) => matchTaint(a, t)).map(() => a.key));
        if (exists.length) throw new CliError(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      const { operation, taints, notFound } = reorganizeTaints(old, o.overwrite, parsed.add, parsed.remove);
      if (notFound.length) throw notFound.length === 1 ? new CliError(notFound[0]) : new MultiError(notFound.map((m) => new CliError(m)));
      if (dryRun === 'client') {
        printer.print({ ...node, spec: { ...node.spec, taints: taints.length ? taints : undefined } } as Node, operation);
        return;
      }
      const patched = client.patch<Node>(nodeKind.type, undefined, node.metadata.name!, 'strategic', { spec: { taints: taints.length ? taints : null } }, { dryRun: dryRun === 'server' });
      printer.print(patched, operation, true);
    });
    const results = selection.errors;
    if (!results.length) return;
    if (results.length === 1) throw results[0];
    // An error that is itself several prints as one bracketed line among the others.
    throw new MultiError(results.map((e) => (e instanceof MultiError ? new CliError(`[${e.errors.map((x) => x.message).join(', ')}]`) : e)));
  },
};
