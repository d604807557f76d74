// Colours of the map, as data: one style per pod state and per node fact. Without colour every
// style is the identity, and chalk is not even loaded.
import type { ChalkInstance } from 'chalk';
import type { PodState } from './podstate';

export type Style = PodState | 'good' | 'bad' | 'doubtful' | 'title' | 'muted';

const STYLES: Record<Style, (c: ChalkInstance) => ChalkInstance> = {
  ready: (c) => c.green,
  notReady: (c) => c.yellow,
  pending: (c) => c.cyan,
  waiting: (c) => c.red,
  failed: (c) => c.red.bold,
  succeeded: (c) => c.gray,
  terminating: (c) => c.magenta,
  unknown: (c) => c.yellow,
  good: (c) => c.green,
  bad: (c) => c.red,
  doubtful: (c) => c.yellow,
  title: (c) => c.bold,
  muted: (c) => c.gray,
};

export type Paint = (style: Style, text: string) => string;

/** ANSI colours at chalk's basic level (16 colours, which every colour terminal has), or none. */
export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  const { Chalk } = require('chalk') as typeof import('chalk');
  const chalk = new Chalk({ level: 1 });
  return (style, text) => STYLES[style](chalk)(text);
}
