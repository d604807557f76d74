// What kubectl label and annotate share: "key=value" and "key-" arguments after the resources,
// objects chosen by name, -l, --all or -f (or read locally with --local), the change sent as a
// JSON merge patch computed from the object before and after, --overwrite, --list, and the
// printed outcome.
import { isStatusError } from '../../api/errors';
import { canonicalJson } from '../../api/meta/canonical';
import { hasOwn } from '../../api/meta/own';
import { createMergePatch } from '../../api/patch/merge';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type DryRun, MutationPrinter, parseDryRun, parseOutput, type TemplateOptions } from '../flags/output';
import { CHANGE_CAUSE, recordOption } from '../record';
import type { Verb } from '../verb';
import { type ResourceFlags, select } from '../resource/builder';

export interface Pairs {
  set: Record<string, string>;
  remove: string[];
}

export interface KeyValueVerb {
  /** "label" or "annotation", as kubectl's messages name the pairs. */
  pair: string;
  field: 'labels' | 'annotations';
  parse(args: string[]): Pairs;
  /** Throws when a value would be overwritten without --overwrite. */
  checkOverwrites(current: Record<string, string>, set: Record<string, string>): void;
  /** The word printed after the name ("labeled", "annotated", ...). */
  outcome(before: string, after: string, overwrite: boolean): string;
  /** label prints `label "x" not found.` for a removal that removes nothing; annotate does not. */
  reportMissing: boolean;
  /** label makes a printer per object (so -o yaml puts no "---" between them); annotate keeps one. */
  printerPerObject: boolean;
}

/** kubectl's GetResourcesAndPairs: resources first, then every pair. */
export function splitResourcesAndPairs(args: string[], pair: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) throw new CliError(`all resources must be specified before ${pair} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

export interface KeyValueOptions extends ResourceFlags, TemplateOptions {
  overwrite?: boolean;
  list?: boolean;
  dryRun?: string | boolean;
  output?: string;
  resourceVersion?: string;
}

/** What label and annotate act with, once completed: the words split into objects and pairs. */
export interface KeyValueRun {
  resources: string[];
  set: Record<string, string>;
  remove: string[];
  flags: KeyValueOptions;
  dryRun: DryRun;
  changeCause?: string;
}

/** kubectl label or annotate as a verb: complete, validate, run. */
export function keyValueVerb(verb: KeyValueVerb): Verb<KeyValueRun> {
  return {
    complete(c, args, f, cmd) {
      const changeCause = recordOption(c, cmd, f.record);
      const dryRun = parseDryRun(c, f.dryRun);
      const { resources, pairs } = splitResourcesAndPairs(args, verb.pair);
      const { set, remove } = verb.parse(pairs);
      return { resources, set, remove, flags: f as KeyValueOptions, dryRun, changeCause };
    },
    validate: (r) => validateKeyValues(verb, r),
    run: (c, r) => runKeyValueVerb(c, verb, r),
  };
}

function validateKeyValues(verb: KeyValueVerb, { resources, set, remove, flags: o, dryRun }: KeyValueRun): void {
  if (o.list && o.output) throw new CliError('--list and --output may not be specified together');
  if (o.all && o.selector) throw new CliError('cannot set --all and --selector at the same time');
  if (o.all && o.fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
  const example = verb.pair === 'label' ? 'pod.yaml or --filename=pod.json' : 'rsrc.yaml or --filename=rsrc.json';
  if (o.local) {
    if (dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new CliError(`can only use local files by -f ${example} when --local=true is set`);
    if (!o.filename?.length && !o.kustomize) throw new CliError(`one or more files must be specified as -f ${example}`);
  } else if (!resources.length && !o.filename?.length && !o.kustomize) {
    throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (!Object.keys(set).length && !remove.length && !o.list) throw new CliError(`at least one ${verb.pair} update is required`);
}

async function runKeyValueVerb(c: CommandContext, verb: KeyValueVerb, { resources, set, remove, flags: o, dryRun, changeCause }: KeyValueRun): Promise<void> {
  const client = o.local ? undefined : c.cluster(dryRun === 'none' && !o.list ? 'write' : 'read').client;
  // kubectl's builder here: --all lets a bare TYPE mean every object; with --local only the files count.
  const selection = await select(c, o.local ? [] : resources, o.local ? { ...o, selector: '', fieldSelector: '' } : o, { allowEmptySelector: !!o.all, latest: true });
  const picked = selection.infos(client);
  const errors = selection.errors;
  // kubectl's IntoSingleItemImplied: one object named by one TYPE NAME (or TYPE/NAME), or one file object.
  const single = selection.singleItemImplied;
  if (o.resourceVersion && !single) throw new CliError('--resource-version may only be used with a single resource');
  const output = parseOutput(o.output, false, o);
  let printer = new MutationPrinter(c.io.out, output, dryRun);

  for (const { type, obj, namespace } of picked) {
    try {
      const before = structuredClone(obj) as KubeObject;
      if (o.resourceVersion) delete before.metadata.resourceVersion;
      const after = structuredClone(before);
      const current = (after.metadata[verb.field] as Record<string, string> | undefined) ?? {};
      if (!o.overwrite) verb.checkOverwrites(current, set);
      if (verb.reportMissing && !o.local && dryRun !== 'client' && !o.list)
        for (const key of remove) if (!hasOwn(current, key)) c.io.out.write(`${verb.pair} ${JSON.stringify(key)} not found.\n`);
      const updated = { ...current, ...set };
      for (const key of remove) delete updated[key];
      after.metadata[verb.field] = updated;
      if (o.resourceVersion) after.metadata.resourceVersion = o.resourceVersion;
      if (changeCause !== undefined && !o.local && dryRun !== 'client')
        after.metadata.annotations = { ...(after.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause };
      const outcome = verb.outcome(canonicalJson(before), canonicalJson(after), !!o.overwrite);
      let result = after;
      if (!o.local && dryRun !== 'client' && !o.list) {
        const patch = createMergePatch(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
        result = client!.patch(type, namespace, obj.metadata.name!, 'merge', patch, { dryRun: dryRun === 'server' });
      }
      if (o.list) {
        const values = (result.metadata[verb.field] as Record<string, string> | undefined) ?? {};
        const indent = single ? '' : ' ';
        if (!single) c.io.out.write(`Listing ${verb.field} for ${type.kind}.${type.group}/${obj.metadata.name}:\n`);
        for (const k of Object.keys(values).sort()) c.io.out.write(`${indent}${k}=${values[k]}\n`);
        continue;
      }
      // label prints the object as it made it; annotate, what the server returned.
      if (verb.printerPerObject) printer = new MutationPrinter(c.io.out, output, dryRun);
      printer.print(verb.field === 'labels' ? after : result, outcome);
    } catch (e) {
      errors.push(isStatusError(e) ? e : (e as Error));
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
}
