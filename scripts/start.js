#!/usr/bin/env node
'use strict';
// `npm start`: compile only if a source changed, then run the bot in this same process (no second Node start-up).
require('./build-if-stale').buildIfStale();
require('../dist/adapters/start.js');
