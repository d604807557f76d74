// The release the simulated API server plays: what `kubectl version` and /version report.
export const SERVER_VERSION = 'v1.32.0';

/** The kubectl release pocketkube's command line plays (`kubectl version --client`, the User-Agent). */
export const CLIENT_VERSION = 'v1.32.4';

/** version.Info of kube-apiserver v1.32.0 as built by the Kubernetes release (a kubeadm node is linux/amd64). */
export const SERVER_VERSION_INFO: Readonly<Record<string, string>> = Object.freeze({
  major: '1',
  minor: '32',
  gitVersion: SERVER_VERSION,
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T17:59:15Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
});
