// The service accounts controller: every active namespace has a "default" ServiceAccount.
import { serviceaccount as saKind } from '../api/kinds/serviceaccount';
import type { Controller } from '../engine/controller';
import { perNamespaceObject } from './pernamespace';

export const serviceAccountController: Controller = perNamespaceObject({
  controller: 'service-account-controller',
  type: saKind.type,
  name: 'default',
  build: (namespace) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } }),
});
