// The contract between describers and the command that runs them: describers stay pure and ask
// for related objects through a narrow lookup the command implements.
import type { Event, KubeObject } from '../../api/types';

export interface DescribeLookup {
  /** Events about the object (by uid, name, namespace and kind). */
  events(obj: KubeObject): Event[];
  /** Objects of a kind, in a namespace (or every namespace when undefined). */
  list<T extends KubeObject>(kind: string, namespace?: string): T[];
}

export interface DescribeContext {
  now: number;
  showEvents: boolean;
  lookup: DescribeLookup;
}

export type Describer<T extends KubeObject = KubeObject> = (obj: T, ctx: DescribeContext) => string;
