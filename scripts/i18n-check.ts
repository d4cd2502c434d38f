/** npm run i18n:check — fails on a missing, unknown, broken or unused message key. */
import path from 'node:path';
import { checkCatalogues } from '../src/platform/i18n/check.js';

const problems = checkCatalogues(undefined, path.resolve('src'));
for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in the message catalogues.`);
  process.exit(1);
}
console.log('Message catalogues: complete and all keys used.');
