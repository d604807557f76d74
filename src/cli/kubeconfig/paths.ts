// The files a kubeconfig user or cluster names, as clientcmd.ModifyConfig writes them when asked
// to relativize (config set-credentials and set-cluster do): each is taken against the directory of the file it
// is written to, then written relative to it unless that needs a "../" (then kept absolute).
// So a certificate beside the kubeconfig is written "cert.pem", and "./plugin" as an exec
// command becomes "plugin".
import * as path from 'node:path';
import type { NamedCluster, NamedUser } from './file';

type User = NamedUser['user'];

/** RelativizePathWithNoBacksteps after ResolvePaths, for one path; "" stays "". */
function relativize(file: string, base: string): string {
  if (!file) return file;
  const absolute = path.isAbsolute(file) ? file : path.join(base, file);
  const rel = path.relative(base, absolute) || '.';
  return rel.startsWith('../') ? absolute : rel;
}

/**
 * client-go's RelativizeAuthInfoLocalPaths: the client certificate and key, the token file, and
 * the exec command when it is a path (has a "/"; a bare name is looked up on PATH). `base` is
 * the absolute directory of the file the user is written to.
 */
export function relativizeAuthInfoPaths(user: User, base: string): User {
  const out: User = { ...user };
  for (const key of ['client-certificate', 'client-key', 'tokenFile'] as const) {
    const v = out[key];
    if (typeof v === 'string' && v) out[key] = relativize(v, base);
  }
  if (out.exec && out.exec.command.includes('/')) out.exec = { ...out.exec, command: relativize(out.exec.command, base) };
  return out;
}

/** client-go's RelativizeClusterLocalPaths: the certificate authority's file. */
export function relativizeClusterPaths(cluster: NamedCluster['cluster'], base: string): NamedCluster['cluster'] {
  const ca = cluster['certificate-authority'];
  return typeof ca === 'string' && ca ? { ...cluster, 'certificate-authority': relativize(ca, base) } : cluster;
}
