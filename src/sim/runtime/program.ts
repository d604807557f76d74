// What a container runs: the image's ENTRYPOINT and CMD combined with the pod's command and args
// as Kubernetes defines it, entrypoint wrapper scripts seen through, and the result classified:
// a server the runtime models (nginx, redis...), a program that exits at once (an interpreter
// started without a script and without a terminal), or a command line for the simulated shell.
import type { Container } from '../../api/types';
import type { ImageProfile } from './profiles';
import { serverFor } from './servers';

export type Launch =
  | { kind: 'server'; server: string; viaEntrypoint: boolean; argv: string[] }
  | { kind: 'exit'; code: number; argv: string[] }
  | { kind: 'shell'; argv: string[] };

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const SHELLS = new Set(['sh', 'ash', 'dash', 'bash']);
/** Interpreters whose REPL ends at once when stdin is empty and no terminal is attached. */
const REPLS = new Set(['python', 'python3', 'node', 'perl']);
/** Entrypoint scripts that only prepare and then exec their arguments. */
const WRAPPERS = new Set(['docker-entrypoint.sh']);
/** Flags that make a server binary print something and exit instead of serving. */
const SERVER_QUERY_FLAGS = new Set(['-v', '-V', '-t', '-T', '-h', '-?', '--version', '--help']);

/** command replaces ENTRYPOINT (and drops CMD); args alone replace CMD. */
export function containerArgv(c: Container, profile: ImageProfile): string[] {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  return [...profile.entrypoint, ...(c.args ?? profile.cmd)];
}

export function classify(argv: string[], profile: ImageProfile): Launch {
  let rest = argv;
  let viaEntrypoint = false;
  if (rest.length && WRAPPERS.has(basename(rest[0]))) {
    viaEntrypoint = true;
    rest = rest.slice(1);
    // The redis/postgres/mysql entrypoints put the server in front of bare flags.
    if ((!rest.length || rest[0].startsWith('-')) && profile.cmd.length) rest = [profile.cmd[0], ...rest];
  }
  // An image pocketkube knows nothing about runs its own program when given none.
  if (!rest.length) return profile.opaque ? { kind: 'server', server: 'opaque', viaEntrypoint, argv } : { kind: 'exit', code: 0, argv };
  const program = basename(rest[0]);
  const server = serverFor(program);
  if (server && !rest.slice(1).some((a) => SERVER_QUERY_FLAGS.has(a))) return { kind: 'server', server: program, viaEntrypoint, argv: rest };
  const perl = program === 'perl' || /^perl5[.\d]*$/.test(program);
  if ((REPLS.has(program) || perl) && (rest.length === 1 || (perl && rest[1] === '-de0'))) return { kind: 'exit', code: 0, argv: rest };
  if (profile.opaque && !SHELLS.has(program) && !profile.tools.has(program)) return { kind: 'server', server: 'opaque', viaEntrypoint, argv: rest };
  return { kind: 'shell', argv: rest };
}
