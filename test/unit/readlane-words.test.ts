// The launcher loads the read lane only for a `get` naming a word the lane answers for: its list
// and the lane's must be the same words, or a kind the lane serves would never reach it (or every
// `get` of another would load it for nothing).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/readlane';
import { ROOT } from '../helpers/cli';

describe('the read lane\'s words', () => {
  it('are the launcher\'s LANE_RESOURCES', () => {
    const launcher = fs.readFileSync(path.join(ROOT, 'bin', 'pocketkube'), 'utf8');
    const m = /const LANE_RESOURCES = new Set\((\[[^\]]*\])\);/.exec(launcher);
    expect(m).not.toBeNull();
    const words = JSON.parse(m![1].replaceAll("'", '"')) as string[];
    expect([...words].sort()).toEqual(KINDS.flatMap((k) => k.words).sort());
  });
});
