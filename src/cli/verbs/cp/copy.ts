// kubectl cp's two directions over pods/exec, as pkg/cmd/cp does them: to a pod, `test -d` on the
// destination, then the local tarball into `tar -xmf - -C DIR`; from a pod, `tar cf - PATH` (or,
// with --retries, `sh -c "tar cf - PATH | tail -c+N"`) unpacked locally. tar's messages in the
// container reach the user as kubectl routes them: when copying from a pod its stderr (and the
// "Defaulted container" note) go to standard output.
import * as fs from 'node:fs';
import { writeTar } from '../../../api/tar';
import type { Cluster } from '../../context';
import { CliError } from '../../errors';
import type { Output } from '../../io';
import { exitError, execInPod } from '../podexec';
import { type FileSpec, base, clean, dir, join, stripPathShortcuts } from './filespec';
import { makeTar, untarAll } from './local';

export interface CopyOptions {
  namespace: string;
  container?: string;
  noPreserve: boolean;
  maxTries: number;
  out: Output;
  errOut: Output;
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

export function copyToPod(cluster: Cluster, src: FileSpec, dest: FileSpec, o: CopyOptions): void {
  try {
    fs.statSync(src.file);
  } catch {
    throw new CliError(`${src.file} doesn't exist in local filesystem`);
  }
  const namespace = dest.podNamespace || o.namespace;
  const discard: Output = { write: () => undefined, isTTY: false };
  let destFile = dest.file;
  // checkDestinationIsDir: any failure (not a directory, no pod) means "not a directory".
  try {
    const r = execInPod(cluster, { namespace, pod: dest.podName, container: o.container, command: ['test', '-d', dest.file], notes: discard });
    if (r.exitCode === 0) destFile = join(destFile, base(src.file));
  } catch {
    // The copy itself reports the failure.
  }
  const entries = makeTar(src.file, destFile, {
    notText: (path) => o.errOut.write(`pocketkube: ${path} is not UTF-8 text; the simulated container keeps text, so its invalid bytes became U+FFFD\n`),
  });
  const command = o.noPreserve ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  const destDir = dir(destFile);
  if (destDir) command.push('-C', destDir);
  // Go's tar writer ends with two zero blocks and no record padding.
  const stdin = decoder.decode(writeTar(entries, 1024));
  const r = execInPod(cluster, { namespace, pod: dest.podName, container: o.container, command, stdin, notes: o.errOut });
  o.out.write(r.stdout);
  o.errOut.write(r.stderr);
  if (r.exitCode !== 0) throw exitError(r.exitCode);
}

export function copyFromPod(cluster: Cluster, src: FileSpec, dest: FileSpec, o: CopyOptions): void {
  const namespace = src.podNamespace || o.namespace;
  const command = o.maxTries !== 0 ? ['sh', '-c', `tar cf - ${src.file} | tail -c+1`] : ['tar', 'cf', '-', src.file];
  // The exec's error stream is kubectl's standard output here.
  const r = execInPod(cluster, { namespace, pod: src.podName, container: o.container, command, notes: o.out });
  o.out.write(r.stderr);
  // kubectl unpacks while tar runs: a failed tar that still wrote a whole archive ends in
  // success (kubectl reads the archive's end before the exit status arrives); one that wrote
  // nothing fails with its exit status.
  if (r.exitCode !== 0 && r.stdout === '') throw exitError(r.exitCode);
  const prefix = stripPathShortcuts(clean(src.file.replace(/^[/\\]+/, '')));
  untarAll(utf8.encode(r.stdout), prefix, dest.file, { namespace, pod: src.podName, src: src.file, errOut: o.errOut });
}
