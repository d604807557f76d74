// kubectl wait: until objects are deleted, created, or meet a condition or JSONPath value. The
// wait fast-forwards simulated time; one deadline (--timeout, 30s by default) covers all objects.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { MutationPrinter, type OutputFormat, parseOutput } from '../flags/output';
import { addGlobalFlags } from '../program';
import { noResourcesError } from '../resolve';
import { type ResourceFlags, select } from '../resource/builder';
import { type Verb, verbAction } from '../verb';
import { type WaitFor, parseWaitFor } from '../verbs/wait/conditions';
import { waitForObject } from '../verbs/wait/object';
import { TIMED_OUT } from '../watch';
import { filenameOption, outputOption, recursiveOption, selectorOption, timeoutOption } from '../flags/groups';

const DEFAULT_TIMEOUT_MS = 30_000;
/** A negative --timeout waits a week. */
const NEGATIVE_TIMEOUT_MS = 168 * 3600_000;

export interface WaitOptions {
  args: string[];
  /** The builder's flags: -f, -R, -l, --field-selector, --all, -A. */
  resources: ResourceFlags;
  waitFor: WaitFor;
  /** --timeout in milliseconds (negative: a week). */
  timeout: number;
  output: OutputFormat;
}

const waitVerb: Verb<WaitOptions> = {
  complete(_c, args, f) {
    const output = parseOutput(f.output, false, f);
    return {
      args,
      resources: { filename: f.filename, recursive: f.recursive, selector: f.selector, fieldSelector: f.fieldSelector, all: f.all, allNamespaces: f.allNamespaces },
      waitFor: parseWaitFor(f.for),
      timeout: f.timeout < 0 ? NEGATIVE_TIMEOUT_MS : f.timeout,
      output,
    };
  },

  validate(o) {
    if (!o.args.length && !o.resources.filename?.length) throw noResourcesError();
  },

  async run(c, o) {
    const printer = new MutationPrinter(c.io.out, o.output, 'none');
    const { waitFor, timeout } = o;
    const cluster = c.cluster(timeout === 0 ? 'read' : 'write');
    const { client } = cluster;
    const deadline = cluster.now() + timeout;
    // kubectl's ResourceBuilderFlags: --all lets a bare TYPE mean every object of it.
    const selection = await select(c, o.args, o.resources, { allowEmptySelector: !!o.resources.all, latest: true });
    const errors = selection.errors;

    if (waitFor.mode === 'create') {
      // Until everything named exists, looked up again after every step of the clock.
      const missing = (): boolean => {
        const found: Error[] = [];
        selection.infos(client, found);
        const other = found.find((e) => !isStatusError(e, 'NotFound'));
        if (other) throw other;
        return found.length > 0;
      };
      const created = !missing() || (timeout > 0 && cluster.advanceTo(deadline, () => !missing()));
      if (!created) throw new CliError(TIMED_OUT);
    }

    const visited = selection.visit(client, ({ type, obj }) => {
      const done = waitForObject(cluster, waitFor, type, obj, { timeout, deadline });
      if (done) printer.print(done, 'condition met');
    });
    // Objects already gone count as deleted, silently.
    const failures = waitFor.mode === 'delete' ? errors.filter((e) => !isStatusError(e, 'NotFound')) : errors;
    if (failures.length) throw failures.length === 1 ? failures[0] : new MultiError(failures);
    if (!visited && waitFor.mode !== 'delete') throw new CliError('no matching resources found');
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('wait')
      .description('Experimental: Wait for a specific condition on one or many resources')
      .argument('[args...]')
      .option('--for <condition>', 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath expression}\'=[JSONPath value]].', '')
      .addOption(timeoutOption('The length of time to wait before giving up. Zero means check once and don\'t wait, negative means wait for a week.', DEFAULT_TIMEOUT_MS))
      .addOption(selectorOption())
      .option('--field-selector <selector>', 'Selector (field query) to filter on.')
      .option('--all', 'Select all resources in the namespace of the specified resource types')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
      .addOption(filenameOption('identifying the resource.'))
      .addOption(recursiveOption('Process the directory used in -f, --filename recursively.', true))
      .option('--local', 'If true, annotation will NOT contact api-server but run locally.')
      .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).')),
  ).action(verbAction(ctx, waitVerb));
}
