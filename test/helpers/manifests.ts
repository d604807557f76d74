// Manifests several end-to-end tests apply.

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
