// What clientcmd.Load says of a kubeconfig document (already JSON, as sigs.k8s.io/yaml makes it)
// that does not fit clientcmd/api/v1's Config: the universal decoder reads apiVersion and kind
// first, checks that they name v1 Config, then encoding/json decodes the document into the
// struct. Go's decoder meets the keys in the sorted order the YAML-to-JSON step wrote them,
// keeps going after a value of the wrong type and reports the first it met; unknown fields
// (matched case-sensitively, as apimachinery's decoder does) are dropped. Kept free of lazy
// loads: the read lane runs it on the home's kubeconfig.
import { base64Error } from '../../api/meta/base64';
import { jsonKind, typeMetaError } from '../../api/schema/typemeta';

/**
 * clientcmd/api/v1's types as data: "field:type" with type string | bool | bytes ([]byte) |
 * any (runtime.RawExtension) | ExecInteractiveMode (a named string) | []T | map[T] | a struct.
 */
const TYPES: Record<string, string> = {
  Config: 'kind:string apiVersion:string preferences:Preferences clusters:[]NamedCluster users:[]NamedAuthInfo contexts:[]NamedContext current-context:string extensions:[]NamedExtension',
  Preferences: 'colors:bool extensions:[]NamedExtension',
  NamedCluster: 'name:string cluster:Cluster',
  Cluster:
    'server:string tls-server-name:string insecure-skip-tls-verify:bool certificate-authority:string certificate-authority-data:bytes proxy-url:string disable-compression:bool extensions:[]NamedExtension',
  NamedContext: 'name:string context:Context',
  Context: 'cluster:string user:string namespace:string extensions:[]NamedExtension',
  NamedAuthInfo: 'name:string user:AuthInfo',
  AuthInfo:
    'client-certificate:string client-certificate-data:bytes client-key:string client-key-data:bytes token:string tokenFile:string as:string as-uid:string as-groups:[]string as-user-extra:map[[]string] username:string password:string auth-provider:AuthProviderConfig exec:ExecConfig extensions:[]NamedExtension',
  AuthProviderConfig: 'name:string config:map[string]',
  ExecConfig: 'command:string args:[]string env:[]ExecEnvVar apiVersion:string installHint:string provideClusterInfo:bool interactiveMode:ExecInteractiveMode',
  ExecEnvVar: 'name:string value:string',
  NamedExtension: 'name:string extension:any',
};

const STRINGS = new Set(['string', 'ExecInteractiveMode']);

const fieldCache = new Map<string, Map<string, string>>();

function fieldsOf(struct: string): Map<string, string> {
  let fields = fieldCache.get(struct);
  if (!fields) {
    fields = new Map(TYPES[struct].split(' ').map((spec) => spec.split(':') as [string, string]));
    fieldCache.set(struct, fields);
  }
  return fields;
}

function goTypeName(type: string): string {
  if (type.startsWith('[]')) return '[]' + goTypeName(type.slice(2));
  if (type.startsWith('map[')) return 'map[string]' + goTypeName(type.slice(4, -1));
  if (type === 'bytes') return '[]uint8';
  if (type === 'string' || type === 'bool') return type;
  return 'v1.' + type;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** clientcmd's scheme, named in its errors. */
const SCHEME = 'k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50';

/**
 * The first error clientcmd.Load meets in the document, or undefined when it loads. `text` is
 * the file's text, which the error for an apiVersion without a version quotes whole.
 */
export function configError(doc: unknown, text: string): string | undefined {
  return typeMetaProblem(doc, text) ?? fieldError(doc);
}

/** The universal decoder's look at apiVersion and kind (runtime's SimpleMetaFactory, then the scheme). */
function typeMetaProblem(doc: unknown, text: string): string | undefined {
  if (doc === null || doc === undefined) return undefined;
  if (!isObject(doc)) return typeMetaError(doc);
  for (const key of ['apiVersion', 'kind']) {
    const v = doc[key];
    if (v !== undefined && v !== null && typeof v !== 'string')
      return `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(v)} into Go struct field .${key} of type string`;
  }
  const apiVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  const parts = apiVersion === '' ? ['', ''] : apiVersion.split('/');
  if (parts.length > 2) return `unexpected GroupVersion string: ${apiVersion}`;
  let [group, version] = parts.length === 2 ? parts : ['', parts[0]];
  const kind = (typeof doc.kind === 'string' && doc.kind) || 'Config';
  // Missing parts take the defaults Load passes (v1 Config); a group without a version cannot.
  if (group === '' && version === '') version = 'v1';
  if (version === '') return `Object 'apiVersion' is missing in '${text}'`;
  if (group === '' && version === 'v1' && kind === 'Config') return undefined;
  return `no kind "${kind}" is registered for version "${group ? `${group}/${version}` : version}" in scheme "${SCHEME}"`;
}

/** encoding/json's first complaint decoding the document into v1.Config. */
function fieldError(doc: unknown): string | undefined {
  if (!isObject(doc)) return undefined;
  return structError(doc, 'Config', '');
}

function structError(obj: Record<string, unknown>, struct: string, path: string): string | undefined {
  const fields = fieldsOf(struct);
  for (const key of Object.keys(obj).sort()) {
    const type = fields.get(key);
    if (type === undefined) continue;
    const problem = valueError(obj[key], type, struct, path ? `${path}.${key}` : key);
    if (problem) return problem;
  }
  return undefined;
}

/** Why `v` does not decode as `type` in field `path` of `struct` (Go names the innermost struct and the whole path). */
function valueError(v: unknown, type: string, struct: string, path: string): string | undefined {
  // null leaves any Go value as it is.
  if (v === null) return undefined;
  const mismatch = (what = jsonKind(v), goType = goTypeName(type)) => `json: cannot unmarshal ${what} into Go struct field ${struct}.${path} of type ${goType}`;
  if (type === 'any') return undefined;
  if (STRINGS.has(type)) return typeof v === 'string' ? undefined : mismatch();
  if (type === 'bool') return typeof v === 'boolean' ? undefined : mismatch();
  if (type === 'bytes') {
    if (typeof v === 'string') return base64Error(v);
    if (!Array.isArray(v)) return mismatch();
    // A JSON array fills a []byte element by element.
    for (const b of v) {
      if (b === null) continue;
      if (typeof b !== 'number') return mismatch(jsonKind(b), 'uint8');
      if (!Number.isInteger(b) || b < 0 || b > 255) return mismatch(`number ${b}`, 'uint8');
    }
    return undefined;
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(v)) return mismatch();
    for (const item of v) {
      const problem = valueError(item, type.slice(2), struct, path);
      if (problem) return problem;
    }
    return undefined;
  }
  if (type.startsWith('map[')) {
    if (!isObject(v)) return mismatch();
    for (const k of Object.keys(v).sort()) {
      const problem = valueError(v[k], type.slice(4, -1), struct, path);
      if (problem) return problem;
    }
    return undefined;
  }
  return isObject(v) ? structError(v, type, path) : mismatch();
}

/**
 * The document as the typed Config holds it: fields no struct of clientcmd/api/v1 has are gone,
 * at any depth (`config view` and every write back show what kubectl's decode kept). A document
 * configError accepts is assumed.
 */
export function knownFields(doc: unknown): unknown {
  return isObject(doc) ? structFields(doc, 'Config') : doc;
}

function structFields(obj: Record<string, unknown>, struct: string): Record<string, unknown> {
  const fields = fieldsOf(struct);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    const type = fields.get(key);
    if (type !== undefined) out[key] = typedValue(v, type);
  }
  return out;
}

function typedValue(v: unknown, type: string): unknown {
  if (v === null || type === 'any' || type === 'bytes' || STRINGS.has(type) || type === 'bool') return v;
  if (type.startsWith('[]')) return Array.isArray(v) ? v.map((item) => typedValue(item, type.slice(2))) : v;
  if (type.startsWith('map[')) return isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typedValue(x, type.slice(4, -1))])) : v;
  return isObject(v) ? structFields(v, type) : v;
}
