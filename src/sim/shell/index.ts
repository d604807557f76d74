// The simulated shell and the command-line tools containers use: a POSIX sh subset (dash and busybox
// ash flavours) interpreted as an explicit, JSON-serializable machine, so the kubelet can run a
// container's command on simulated time and `kubectl exec` can run commands in it.
import { ALL_BUILTINS } from './builtins';
import { TOOL_NAMES } from './tools/registry';

export type { OutputChunk, Stream } from './machine';
export type { FileSystem, HttpResult, Network, ProcessInfo, ShellFlavor, ShellHost, ExternalResult } from './host';
export { resume, runToEnd, signal, startProcess, type ProcessState, type StartOptions, type StartResult, type StepResult } from './process';

/** What the shell has without any image tool. */
export const SHELL_BUILTINS: ReadonlySet<string> = ALL_BUILTINS;
/** Every tool implemented here (the runtime picks per image which exist). */
export const TOOLS: ReadonlySet<string> = TOOL_NAMES;
