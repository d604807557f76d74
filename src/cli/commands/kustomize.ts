// kubectl kustomize [DIR]: builds a kustomization directory and prints its objects as YAML
// documents (or writes them to -o PATH), as kubectl v1.32's embedded kustomize v5.5 does.
import * as fs from 'node:fs';
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { ExitCode } from '../errors';
import { klogCommandFailed } from '../klog';
import { action, addGlobalFlags } from '../program';

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('kustomize')
      .description('Build a kustomization target from a directory or URL')
      .argument('[args...]')
      .option('-o, --output <path>', 'If specified, write output to this path.')
      .option('--load-restrictor <restrictor>', "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root.", 'LoadRestrictionsRootOnly')
      .option('--enable-helm', 'Enable use of the Helm chart inflator generator.')
      .option('--enable-alpha-plugins', 'enable kustomize plugins'),
  ).action(
    action(ctx, (c, args, opts) => {
      const { build, KustomizeError } = require('../manifest/kustomize') as typeof import('../manifest/kustomize');
      const { toYaml } = require('../../printers/yaml') as typeof import('../../printers/yaml');
      const fail = (message: string) => {
        klogCommandFailed(c, message);
        return new ExitCode(1);
      };
      if (args.length > 1) throw fail('specify one path to kustomization.yaml');
      const restrictor = opts.loadRestrictor as string;
      if (restrictor !== 'LoadRestrictionsRootOnly' && restrictor !== 'LoadRestrictionsNone')
        throw fail(`illegal flag value --load-restrictor ${restrictor}; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]`);
      let result: ReturnType<typeof build>;
      try {
        result = build(args[0] ?? '.', { loadRestrictionsNone: restrictor === 'LoadRestrictionsNone' });
      } catch (e) {
        if (!(e instanceof KustomizeError)) throw e;
        for (const w of e.warnings) c.io.err.write(`${w}\n`);
        throw fail(e.message);
      }
      for (const w of result.warnings) c.io.err.write(`${w}\n`);
      const text = result.objects.map((o) => toYaml(o)).join('---\n');
      if (opts.output) fs.writeFileSync(opts.output, text);
      else c.io.out.write(text);
    }),
  );
}
