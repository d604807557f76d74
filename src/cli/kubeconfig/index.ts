// Kubeconfig files as kubectl loads, merges, resolves and writes them.
export * from './file';
export { KubeconfigChain } from './chain';
export { type ClientConfig, type ClientOverrides, connectionRefused, resolveClientConfig, sameServer, serverHost } from './client';
export type { AuthProviderConfig, ExecConfig, ExecEnvVar } from './authinfo';
