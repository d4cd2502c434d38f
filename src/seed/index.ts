export { seedInitialContent } from './seed.service.js';
export type { SeedProgress, SeedReport } from './seed.service.js';
