// Bundled in place of node:process for commander: the module is the global process object, but
// requiring it compiles one more of Node's internal modules on every run.
'use strict';
module.exports = process;
