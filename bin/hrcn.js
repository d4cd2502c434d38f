#!/usr/bin/env node
// The `hrcn` command: runs the compiled dist/cli.js (docs/decisions/0016). When a source under
// src/ is newer than the build (a pull, an edit), it builds again first (under a second), so a
// stale build is never served.
import { ensureBuilt } from './build.js';

await ensureBuilt();
await import('../dist/cli.js');
