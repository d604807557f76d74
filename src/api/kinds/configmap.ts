import { type FieldError, forbidden, invalid } from '../field';
import type { ConfigMap } from '../types';
import { STANDARD_VERBS, defineKind } from './kind';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;

/** apimachinery's IsConfigMapKey: what is wrong with a key (also checked by kubectl create). */
export function configKeyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length > 253) problems.push('must be no more than 253 characters');
  if (!KEY_RE.test(key))
    problems.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  if (key === '.' || key === '..') problems.push(`must not be '${key}'`);
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

export function validateConfigKey(key: string, path: string): FieldError[] {
  return configKeyProblems(key).map((p) => invalid(path, key, p));
}

function validate(cm: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(cm.data ?? {})) errs.push(...validateConfigKey(k, 'data'));
  for (const k of Object.keys(cm.binaryData ?? {})) {
    errs.push(...validateConfigKey(k, 'binaryData'));
    if (cm.data && k in cm.data) errs.push(invalid('data', k, 'duplicate of key present in binaryData'));
  }
  return errs;
}

export const configmap = defineKind<ConfigMap>({
  type: {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    resource: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    namespaced: true,
    verbs: STANDARD_VERBS,
  },
  strategy: {
    schemaType: 'ConfigMap',
    statusSubresource: false,
    tracksGeneration: false,
    validate,
    validateUpdate(cm, old) {
      const errs = validate(cm);
      if (old.immutable) {
        if (JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {}))
          errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
        if (JSON.stringify(cm.binaryData ?? {}) !== JSON.stringify(old.binaryData ?? {}))
          errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
        if (!cm.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
      }
      return errs;
    },
  },
});
