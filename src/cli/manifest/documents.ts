// Splitting one file's text into documents the way kubectl's YAMLOrJSONDecoder does: a stream
// that starts with "{" is a sequence of JSON values; anything else is YAML, cut at lines that
// start with "---" and parsed one document at a time (so error line numbers count from the
// start of the document, as go-yaml's do).
import { type JsonValueText, jsonValueTexts, overflowText } from '../../api/meta/gojson';
import { MAX_NESTING, NestingError } from '../../api/meta/nesting';
import { GoYamlError, checkNesting, decodeDocument, goYamlTags } from './goyaml';

/** What scanning a JSON document found: how deep it nests, a number no float64 holds. */
type ScannedJson = Pick<JsonValueText, 'depth' | 'overflow'>;

export class DocumentError extends Error {}

/** The documents' texts: the JSON values, or the YAML documents between separators. */
export function splitDocuments(text: string): { json: boolean; docs: string[]; scans?: ScannedJson[] } {
  if (text.trimStart().startsWith('{')) {
    // Each value scanned once: what the scan found goes along to parseDocument.
    const scans = jsonValueTexts(text);
    return { json: true, docs: scans.map((s) => s.text), scans };
  }
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
  // A scanner error names its line only past the first (go-yaml's 0-based line 0 means "none").
  const scanAt = (n: number) => (n > 1 ? `line ${n}: ` : '');
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
      return `yaml: ${scanAt(multiline?.linePos?.[1]?.line ?? line)}mapping values are not allowed in this context`;
    }
    case 'TAB_AS_INDENT':
      // After "key:" the tab is where a token should start; after "key: value" it continues
      // the plain scalar and breaks its indentation.
      if (!previousLine().trimEnd().endsWith(':')) return `yaml: ${scanAt(line)}found a tab character that violates indentation`;
      return `yaml: ${scanAt(line)}found character that cannot start any token`;
    case 'BAD_SCALAR_START':
      return `yaml: ${scanAt(line)}found character that cannot start any token`;
    case 'MISSING_CHAR':
      if (/^Missing closing/.test(e.message)) return `yaml: ${scanAt(line)}found unexpected end of stream`;
      if (/^Implicit map keys need to be followed by map values/.test(e.message)) return `yaml: ${scanAt(line + 1)}could not find expected ':'`;
      return `yaml: ${at(line - 1)}did not find expected key`;
    case 'BAD_INDENT': {
      if (/^Flow (sequence|map)/.test(e.message)) {
        const failure = openFlowFailure(doc);
        if (failure) return `yaml: ${at(failure.line)}did not find expected ${failure.wanted}`;
        return `yaml: ${at(line - 1)}did not find expected ',' or '${/^Flow map/.test(e.message) ? '}' : ']'}'`;
      }
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

/**
 * Where go-yaml's parser fails in a document whose flow collection the yaml library found left
 * open, and what it wanted there: after "[", "{", "," or ":" a node; after a node the innermost
 * collection's "," or close, so a scalar where that was wanted fails on its own line, and the
 * end of the document (its 0-based line: go-yaml's parser counts from 0) on the last. Quoted
 * scalars and comments are skipped; a plain scalar ends at its line's end.
 */
function openFlowFailure(doc: string): { line: number; wanted: string } | undefined {
  const stack: string[] = [];
  let wantsNode = false;
  let line = 0;
  const sep = () => (stack[stack.length - 1] === '{' ? "',' or '}'" : "',' or ']'");
  const isFlowIndicator = (c: string | undefined) => c === ',' || c === '[' || c === ']' || c === '{' || c === '}';
  for (let i = 0; i < doc.length; i++) {
    const c = doc[i];
    if (c === '\n') line++;
    if (/\s/.test(c)) continue;
    if (c === '#' && (i === 0 || /\s/.test(doc[i - 1]))) {
      while (i + 1 < doc.length && doc[i + 1] !== '\n') i++;
      continue;
    }
    if (!stack.length) {
      // Block context: only an opening flow collection matters.
      if (c === '[' || c === '{') stack.push(c), (wantsNode = true);
      continue;
    }
    if (c === ',' || c === ':') {
      wantsNode = true;
      continue;
    }
    if (c === ']' || c === '}') {
      stack.pop();
      wantsNode = false;
      continue;
    }
    // A node: a nested collection or a scalar.
    if (!wantsNode) return { line, wanted: sep() };
    wantsNode = false;
    if (c === '[' || c === '{') {
      stack.push(c);
      wantsNode = true;
    } else if (c === '"' || c === "'") {
      for (i++; i < doc.length; i++) {
        if (doc[i] === '\n') line++;
        if (c === '"' && doc[i] === '\\') i++;
        else if (doc[i] === c && c === "'" && doc[i + 1] === "'") i++;
        else if (doc[i] === c) break;
      }
    } else {
      while (i + 1 < doc.length && doc[i + 1] !== '\n' && !isFlowIndicator(doc[i + 1]) && !(doc[i + 1] === ':' && /[\s,\]}]/.test(doc[i + 2] ?? ' ')) && !(doc[i + 1] === '#' && /\s/.test(doc[i]))) i++;
    }
  }
  if (!stack.length) return undefined;
  return { line, wanted: wantsNode ? 'node content' : sep() };
}

/** A number literal no float64 holds: kubectl cannot decode (or validate) the document. */
export class NumberOverflowError extends DocumentError {}

/** One JSON document, refused as kubectl refuses it when too deep or holding a number too large. */
function parseJsonDocument(doc: string, scanned: ScannedJson = jsonValueTexts(doc)[0]): unknown {
  if (scanned.depth > MAX_NESTING) throw new NestingError();
  if (scanned.overflow !== undefined) throw new NumberOverflowError(overflowText(scanned.overflow));
  return JSON.parse(doc);
}

/**
 * One document's value (undefined when it holds nothing, e.g. only comments). YAML is decoded by
 * yamlToJson; its errors are worded as sigs.k8s.io/yaml's Unmarshal wraps them.
 */
export function parseDocument(doc: string, json: boolean, scanned?: ScannedJson): unknown {
  if (json) return parseJsonDocument(doc, scanned);
  try {
    const v = yamlToJson(doc);
    return v === null ? undefined : v;
  } catch (e) {
    if (e instanceof GoYamlError) throw new DocumentError(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
}

/**
 * The first YAML document of `text` as sigs.k8s.io/yaml's YAMLToJSON makes it (null when there
 * is none, or it holds nothing): parsed by the yaml library into its syntax tree, checked for
 * depth, composed, and decoded as go-yaml v2 would decode it (goyaml.ts). A parse error is a
 * GoYamlError in go-yaml's words, its lines counted from the start of `text`.
 */
export function yamlToJson(text: string): unknown {
  // Loaded on first use: the YAML parser is the largest library we have.
  const YAML = require('yaml') as typeof import('yaml');
  const lines = new YAML.LineCounter();
  const tokens = Array.from(new YAML.Parser(lines.addNewLine).parse(text));
  checkNesting(tokens, lines);
  // go-yaml v2 lets a repeated key through (the last one wins); goyaml.ts does merge keys.
  const composer = new YAML.Composer({ version: '1.1', uniqueKeys: false, merge: false, customTags: goYamlTags });
  const first = Array.from(composer.compose(tokens))[0];
  if (!first) return null;
  if (first.errors.length) {
    for (const e of first.errors) e.linePos = [lines.linePos(e.pos[0]), lines.linePos(e.pos[1])];
    throw new GoYamlError(yamlErrorText(first.errors as YamlLibError[], text));
  }
  return decodeDocument(first);
}
