// Runs pocketkube commands one after another in this one process, for the fuzz test
// (test/e2e/fuzz.test.ts): each case arrives as a JSON line on standard input and is answered by
// a JSON line — the exit code, what the command printed, and whether Object.prototype was
// changed. The test kills this process when a case does not answer in time (a hang).
'use strict';
const readline = require('node:readline');
const { Readable } = require('node:stream');
const { runMain } = require('../../bin/pocketkube');

function collector() {
  const parts = [];
  return { write: (t) => parts.push(String(t)), text: () => parts.join('') };
}

/** What Object.prototype holds that it should not: a polluted process answers every later case wrongly. */
function pollution() {
  const own = Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASELINE.has(k));
  return own.length ? own : undefined;
}
const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    const c = JSON.parse(line);
    const out = collector();
    const err = collector();
    let code;
    try {
      code = await runMain({
        argv: c.argv,
        env: { PATH: process.env.PATH, TZ: 'UTC', POCKETKUBE_HOME: c.home, POCKETKUBE_WALLCLOCK: '2026-11-26T12:00:00Z', POCKETKUBE_FREEZE: '1' },
        stdin: () => Readable.from([c.stdin ?? '']),
        stdout: out,
        stderr: err,
        isTTY: () => false,
      });
    } catch (e) {
      code = 2;
      err.write(`internal error: ${e && e.stack ? e.stack : e}\n`);
    }
    process.stdout.write(`${JSON.stringify({ id: c.id, code, stdout: out.text(), stderr: err.text(), pollution: pollution() })}\n`);
  });
});
