#!/usr/bin/env node
// The `hrcn` command. TypeScript sources run through tsx's loader (docs/decisions/0004), with the
// project's tsconfig named explicitly: tsx would otherwise look for one in the working directory,
// and JSX would not compile when the command is run from elsewhere.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli.ts');
