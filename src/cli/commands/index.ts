// The root command: kubectl's verbs registered in kubectl's own order (cobra suggests in it).
import { Command } from 'commander';
import type { CommandContext } from '../context';
import { addGlobalFlags } from '../program';
import { register as apiResources } from './apiresources';
import { register as apply } from './apply';
import { register as clusterInfo } from './clusterinfo';
import { register as config } from './config';
import { register as create } from './create';
import { register as del } from './delete';
import { register as describe } from './describe';
import { register as get } from './get';
import { register as scale } from './scale';
import { register as version } from './version';

const REGISTRATION_ORDER = [create, get, del, scale, clusterInfo, describe, apply, apiResources, config, version];

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('kubectl');
  program
    .description('kubectl controls the Kubernetes cluster manager (pocketkube: a simulated cluster in a file).')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out.write(s),
      writeErr: (s) => ctx.io.err.write(s),
      outputError: () => {},
    })
    .showSuggestionAfterError(false)
    .helpCommand(false);
  addGlobalFlags(program);
  for (const register of REGISTRATION_ORDER) register(program, ctx);
  return program;
}
