// kubectl label and kubectl annotate: key=value and key- on objects' labels or annotations.
import type { Command } from '../command';
import { hasOwn, setOwn } from '../../api/meta/own';
import { isValidLabelValue } from '../../api/validation/names';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { addGlobalFlags } from '../program';
import { verbAction } from '../verb';
import { CHANGE_CAUSE, addRecordFlag } from '../record';
import { type KeyValueVerb, type Pairs, keyValueVerb } from '../verbs/keyvalues';
import { dryRunOption, filenameOption, kustomizeOption, outputOption, recursiveOption, selectorOption } from '../flags/groups';

const LABEL: KeyValueVerb = {
  pair: 'label',
  field: 'labels',
  reportMissing: true,
  printerPerObject: true,
  parse(args: string[]): Pairs {
    const set: Record<string, string> = {};
    const remove: string[] = [];
    for (const spec of args) {
      if (spec.includes('=')) {
        const parts = spec.split('=');
        if (parts.length !== 2) throw new CliError(`invalid label spec: ${spec}`);
        const problems = isValidLabelValue(parts[1]);
        if (problems.length) throw new CliError(`invalid label value: ${JSON.stringify(spec)}: ${problems.join(';')}`);
        setOwn(set, parts[0], parts[1]);
      } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
      else throw new CliError(`unknown label spec: ${spec}`);
    }
    if (remove.some((k) => hasOwn(set, k))) throw new CliError('can not both modify and remove a label in the same command');
    return { set, remove };
  },
  checkOverwrites(current, set) {
    const conflicts = Object.keys(set)
      .filter((k) => hasOwn(current, k) && current[k] !== set[k])
      .map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
    if (conflicts.length) throw new CliError(conflicts.length === 1 ? conflicts[0] : `[${conflicts.join(', ')}]`);
  },
  // kubectl calls a change that made the object smaller (without --overwrite) an unlabel.
  outcome: (before, after, overwrite) => (before === after ? 'not labeled' : !overwrite && after.length < before.length ? 'unlabeled' : 'labeled'),
};

const ANNOTATION: KeyValueVerb = {
  pair: 'annotation',
  field: 'annotations',
  reportMissing: false,
  printerPerObject: false,
  parse(args: string[]): Pairs {
    const set: Record<string, string> = {};
    const remove: string[] = [];
    const invalid: string[] = [];
    for (const spec of args) {
      if (spec.includes('=') && spec[0] !== '=') {
        const i = spec.indexOf('=');
        setOwn(set, spec.slice(0, i), spec.slice(i + 1));
      } else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1));
      else invalid.push(spec);
    }
    if (invalid.length) throw new CliError(`invalid annotation format: ${invalid.join(', ')}`);
    const both = remove.filter((k) => hasOwn(set, k));
    if (both.length) throw new CliError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
    return { set, remove };
  },
  checkOverwrites(current, set) {
    const conflicts = Object.keys(set)
      .filter((k) => k !== CHANGE_CAUSE && hasOwn(current, k) && current[k] !== set[k])
      .map((k) => `'${k}' already has a value (${current[k]})`);
    if (conflicts.length) throw new CliError(`--overwrite is false but found the following declared annotation(s): ${conflicts.join('; ')}`);
  },
  outcome: () => 'annotated',
};

function register(program: Command, ctx: CommandContext, name: 'label' | 'annotate', verb: KeyValueVerb, description: string): void {
  const cmd = addGlobalFlags(
    program
      .command(name)
      .description(description)
      .argument('[args...]')
      .option('--overwrite', `If true, allow ${verb.field} to be overwritten, otherwise reject ${verb.pair} updates that overwrite existing ${verb.field}.`)
      .option('--all', 'Select all resources, in the namespace of the specified resource types')
      .option('-A, --all-namespaces', 'If true, check the specified action in all namespaces.')
      .addOption(selectorOption())
      .option('--field-selector <selector>', 'Selector (field query) to filter on.')
      .addOption(filenameOption(`Filename, directory, or URL to files identifying the resource to update the ${verb.field}`))
      .addOption(recursiveOption())
      .addOption(kustomizeOption())
      .option('--local', `If true, ${name} will NOT contact api-server but run locally.`)
      .option('--list', `If true, display the ${verb.field} for a given resource.`)
      .option('--resource-version <version>', 'If non-empty, the update will only succeed if this is the current resource-version for the object.')
      .addOption(dryRunOption())
      .addOption(outputOption())
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
  );
  addRecordFlag(cmd).action(verbAction(ctx, keyValueVerb(verb)));
}

export function registerLabel(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'label', LABEL, 'Update the labels on a resource');
}

export function registerAnnotate(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'annotate', ANNOTATION, 'Update the annotations on a resource');
}
