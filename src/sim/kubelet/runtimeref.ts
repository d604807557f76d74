// The one way into the container runtime (runtime.ts), loaded on first use.
export function runtime(): typeof import('./runtime') {
  return require('./runtime') as typeof import('./runtime');
}
