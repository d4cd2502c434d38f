// Starts a worker thread on a TypeScript module of the project. On Node 20 a worker thread does
// not inherit the main thread's tsx loader, so each worker registers it again before importing
// the module named in workerData.module (docs/decisions/0013).
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import(workerData.module);
