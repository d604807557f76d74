// The composition root: the process's argv, env and streams in, an exit code out. With
// bin/pocketkube, the only code that touches the process.
import * as path from 'node:path';
import { CommandContext } from './cli/context';
import type { IO } from './cli/io';
import { errorText } from './cli/errors';
import { homeDir } from './home';
import { Session } from './session';
import { SimClock } from './sim/clock';

/** The build's identity, set by scripts/build.mjs (absent when the sources run unbundled). */
declare const POCKETKUBE_BUILD: string | undefined;

export interface ProcessPorts {
  argv: string[];
  env: Record<string, string | undefined>;
  stdin: () => NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Whether a file descriptor is a terminal (asked lazily: it is costly to find out). */
  isTTY: (fd: 1 | 2) => boolean;
  /** The launcher's absolute path (bin/pocketkube), when a launcher runs this. */
  launcher?: string;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => (data += chunk));
    stream.on('end', () => resolve(data));
    stream.on('error', reject);
  });
}

export async function main(proc: ProcessPorts): Promise<number> {
  const home = homeDir(proc.env);
  const kubeconfigPath = path.join(home, 'config');
  const session = new Session({
    home,
    kubeconfigPath,
    pid: process.pid,
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
    seed: proc.env.POCKETKUBE_SEED,
    wallClock: proc.env.POCKETKUBE_WALLCLOCK,
    template: typeof POCKETKUBE_BUILD === 'string' ? { file: path.join(__dirname, 'bootstrap-template.json'), build: POCKETKUBE_BUILD } : undefined,
    freezeReads: proc.env.POCKETKUBE_FREEZE === '1',
    maxPods: proc.env.POCKETKUBE_MAX_PODS ? Number(proc.env.POCKETKUBE_MAX_PODS) : undefined,
    passCap: proc.env.POCKETKUBE_PASS_CAP ? Number(proc.env.POCKETKUBE_PASS_CAP) : undefined,
  });
  // Nothing is printed before the writes it may report are committed (DESIGN rule 7).
  const io: IO = {
    out: {
      write: (t) => {
        session.acknowledge('out');
        proc.stdout.write(t);
      },
      get isTTY() { return proc.isTTY(1); },
    },
    err: {
      write: (t) => {
        session.acknowledge('err');
        proc.stderr.write(t);
      },
      get isTTY() { return proc.isTTY(2); },
    },
    readStdin: () => readAll(proc.stdin()),
    pid: process.pid,
    wallTime: () => SimClock.start(0, proc.env.POCKETKUBE_WALLCLOCK).now(),
    launcher: proc.launcher,
  };
  const ctx = new CommandContext(io, proc.env, session, kubeconfigPath);
  let code = 1;
  try {
    const { runCli } = await import('./cli/run');
    code = await runCli(proc.argv, ctx);
  } catch (e) {
    io.err.write(errorText(e));
  }
  for (const w of session.warnings.splice(0)) io.err.write(`${w}\n`);
  try {
    await session.finish(code === 0, kubeconfigPath);
  } catch (e) {
    io.err.write(errorText(e));
    code = 1;
  }
  return code;
}
