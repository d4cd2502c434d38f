#!/usr/bin/env node
// The `hrcn` command. TypeScript sources run through tsx's loader (docs/decisions/0004).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
