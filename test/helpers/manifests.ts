// Manifests several end-to-end tests apply.
import type { Deployment } from '../../src/api/types';

/**
 * A Deployment of nginx:1.25 labelled app=<name>; `spec` adds lines to its spec (indented two
 * spaces), `container` to its one container (indented eight).
 */
export function deploymentManifest(name: string, extra: { spec?: string; container?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${extra.spec ?? ''}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: web
        image: nginx:1.25
${extra.container ?? ''}`;
}

/** A Deployment whose pods count as available only after ten seconds of being ready. */
export const SLOW_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: slow
spec:
  replicas: 3
  minReadySeconds: 10
  selector:
    matchLabels: {app: slow}
  template:
    metadata:
      labels: {app: slow}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

/** The same Deployment as an object (apps/v1, in `default`, labelled app=<name>), for tests that create it through a client. */
export function deploymentObject(name: string, replicas: number, container: { name: string; image: string; [field: string]: unknown }): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container] } } },
  } as Deployment;
}
