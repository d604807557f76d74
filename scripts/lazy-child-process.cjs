// Bundled in place of node:child_process for commander, which requires it at load time but
// needs it only for executable subcommands we never define: loading it costs ~1.5ms per run.
'use strict';
module.exports = new Proxy({}, { get: (_target, key) => require('child_process')[key] });
