// The command's streams, injected so verbs can run without a process.
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface IO {
  out: Output;
  err: Output;
  /** Reads all of standard input (for `-f -`). */
  readStdin(): Promise<string>;
  /** The process id and the wall-clock time (ms), which klog's warning lines carry. */
  readonly pid: number;
  wallTime(): number;
  /** The absolute path of the launcher running this command (bin/pocketkube), which `pocketkube shim` names; absent without one. */
  readonly launcher?: string;
}

/** An IO that collects output in memory (tests, nested runs). */
export function memoryIO(stdin = ''): IO & { stdout(): string; stderr(): string } {
  let out = '';
  let err = '';
  return {
    out: { write: (t) => void (out += t), isTTY: false },
    err: { write: (t) => void (err += t), isTTY: false },
    readStdin: async () => stdin,
    pid: 0,
    wallTime: () => 0,
    stdout: () => out,
    stderr: () => err,
  };
}
