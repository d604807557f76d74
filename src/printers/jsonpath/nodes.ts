// The parse tree of a template, one node type per client-go NodeType. A template is a list of
// text nodes and actions ({...}); each action is a list of steps applied left to right.

/** One bound of a slice: `Known` when written or implied; `Derived` when [n] implies n+1. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

export interface ListNode {
  type: 'list';
  nodes: JsonPathNode[];
}

export type JsonPathNode =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; branches: ListNode[] };

/** A parsed template: its top-level text and action nodes, in order. */
export interface JsonPathTemplate {
  readonly source: string;
  readonly nodes: readonly JsonPathNode[];
}

export const list = (nodes: JsonPathNode[] = []): ListNode => ({ type: 'list', nodes });
