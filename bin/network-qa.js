#!/usr/bin/env -S node --v8-pool-size=1
'use strict';
// One V8 helper thread: bench/node-flags.ts says why (a shebang cannot import it).
require('../dist/adapters/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
