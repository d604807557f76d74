import { hasOwn } from '../meta/own';
import { type FieldError, forbidden, invalid, tooLong } from '../field';
import type { ConfigMap } from '../types';
import { STANDARD_VERBS, defineKind } from './kind';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;

/** core.MaxSecretSize, which bounds a ConfigMap's data too: 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024;

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
  // ValidateConfigMap adds up every value's bytes (binaryData's decoded) against the whole object.
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    errs.push(...validateConfigKey(k, 'data'));
    total += Buffer.byteLength(v, 'utf8');
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    errs.push(...validateConfigKey(k, 'binaryData'));
    if (cm.data && hasOwn(cm.data, k)) errs.push(invalid('data', k, 'duplicate of key present in binaryData'));
    total += Buffer.from(v, 'base64').length;
  }
  // field.NewPath("") prints as "[]".
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('[]', MAX_SECRET_SIZE));
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
