// Splitting one file's text into documents the way kubectl's YAMLOrJSONDecoder does: a stream
// that starts with "{" is a sequence of JSON values; anything else is YAML, cut at lines that
// start with "---" and parsed one document at a time (so error line numbers count from the
// start of the document, as go-yaml's do).
import { jsonValues } from '../../api/meta/gojson';

export class DocumentError extends Error {}

/** The documents' texts: the JSON values, or the YAML documents between separators. */
export function splitDocuments(text: string): { json: boolean; docs: string[] } {
  if (text.trimStart().startsWith('{')) return { json: true, docs: jsonValues(text) };
  const docs: string[] = [];
  let current = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest && !rest.startsWith('#')) throw new DocumentError(`invalid Yaml document separator: ${rest}`);
      if (current) docs.push(current);
      current = '';
      continue;
    }
    current += line;
  }
  if (current) docs.push(current);
  return { json: false, docs };
}

interface YamlLibError {
  code?: string;
  message: string;
  linePos?: { line: number; col: number }[];
}

/**
 * go-yaml's wording for the parse errors people actually hit. go-yaml reports scanner errors on
 * the 1-based line of the problem but parser errors on its 0-based line (one less), so the
 * line depends on which of its stages would have failed.
 */
function yamlErrorText(errors: YamlLibError[], doc: string): string {
  const e = errors[0];
  const line = e.linePos?.[0]?.line ?? 0;
  const at = (n: number) => (n > 0 ? `line ${n}: ` : '');
  const previousLine = () => {
    const before = doc.split('\n').slice(0, Math.max(0, line - 1)).filter((l) => l.trim() && !l.trim().startsWith('#'));
    return before[before.length - 1] ?? '';
  };
  // A "- item" where a mapping key belongs: the parser wanted a key.
  if (errors.some((x) => x.code === 'UNEXPECTED_TOKEN' && /block-seq-ind/.test(x.message))) return `yaml: ${at(line - 1)}did not find expected key`;
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'IMPLICIT_KEY_IN_FLOW': {
      // The scanner trips over the ":" itself, at the end of the would-be key.
      const multiline = errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY');
      return `yaml: ${at(multiline?.linePos?.[1]?.line ?? line)}mapping values are not allowed in this context`;
    }
    case 'TAB_AS_INDENT':
      // After "key:" the tab is where a token should start; after "key: value" it continues
      // the plain scalar and breaks its indentation.
      if (!previousLine().trimEnd().endsWith(':')) return `yaml: ${at(line)}found a tab character that violates indentation`;
      return `yaml: ${at(line)}found character that cannot start any token`;
    case 'BAD_SCALAR_START':
      return `yaml: ${at(line)}found character that cannot start any token`;
    case 'MISSING_CHAR':
      if (/^Missing closing/.test(e.message)) return `yaml: ${at(line)}found unexpected end of stream`;
      if (/^Implicit map keys need to be followed by map values/.test(e.message)) return `yaml: ${at(line + 1)}could not find expected ':'`;
      return `yaml: ${at(line - 1)}did not find expected key`;
    case 'BAD_INDENT': {
      if (/^Flow sequence/.test(e.message)) return `yaml: ${at(line - 1)}did not find expected ',' or ']'`;
      if (/^Flow map/.test(e.message)) return `yaml: ${at(line - 1)}did not find expected ',' or '}'`;
      // Inside a block sequence the parser wanted the next "- ", inside a mapping the next key.
      const inSequence = /^\s*-( |$)/.test(previousLine());
      return `yaml: ${at(line - 1)}did not find expected ${inSequence ? "'-' indicator" : 'key'}`;
    }
    case 'UNEXPECTED_TOKEN': {
      // Where a value should start (after "key:", "[", "{" or ","), the parser wanted a node;
      // after a complete value, the next key.
      const col = e.linePos?.[0]?.col ?? 1;
      const before = (doc.split('\n')[line - 1] ?? '').slice(0, col - 1);
      const wantsValue = /[:,[{]\s*$/.test(before) || /^Unexpected , in flow map/.test(e.message);
      return `yaml: ${at(line - 1)}did not find expected ${wantsValue ? 'node content' : 'key'}`;
    }
    default:
      return `yaml: ${at(line)}${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
  }
}

type Tags = import('yaml').Tags;

/**
 * YAML 1.1 as go-yaml v2 reads it into JSON: timestamps and sexagesimal numbers stay strings
 * (v2 never resolves them), and Go's base-0 integers include 0o17.
 */
function goYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => {
    const tag = t as { tag: string; format?: string };
    return !tag.tag.endsWith(':timestamp') && tag.format !== 'TIME';
  });
  const octal0o = {
    identify: (v: unknown) => typeof v === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0o[0-7_]+$/,
    resolve: (s: string) => (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^[-+]?0o/, '').replace(/_/g, ''), 8),
  };
  return [...kept, octal0o] as Tags;
}

/** One document's value (undefined when it holds nothing, e.g. only comments). */
export function parseDocument(doc: string, json: boolean): unknown {
  if (json) return JSON.parse(doc);
  // Loaded on first use: the YAML parser is the largest library we have.
  const YAML = require('yaml') as typeof import('yaml');
  // go-yaml v2 lets a repeated key through (the last one wins).
  const parsed = YAML.parseAllDocuments(doc, { version: '1.1', uniqueKeys: false, merge: true, customTags: goYamlTags });
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first) return undefined;
  if (first.errors.length) throw new DocumentError(`error converting YAML to JSON: ${yamlErrorText(first.errors as YamlLibError[], doc)}`);
  let v: unknown;
  try {
    v = first.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const alias = /Unresolved alias.*: (.*)$/.exec((e as Error).message);
    if (alias) throw new DocumentError(`error converting YAML to JSON: yaml: unknown anchor '${alias[1]}' referenced`);
    throw e;
  }
  // Through JSON, as kubectl converts YAML to JSON before decoding.
  return v === null || v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}
