// kustomize as kubectl v1.32 embeds it (v5.5): `kubectl kustomize DIR` and `-k DIR`.
export { build, type BuildOptions, type BuildResult } from './build';
export { KustomizeError } from './resource';
