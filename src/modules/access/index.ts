export { createAccessRepository } from './access.repository.js';
export { createAccessService, SETUP_LINK_LIFETIME_MS } from './access.service.js';
export type { AccessService, SetupResult } from './access.service.js';
export { MIN_PASSWORD_LENGTH } from './access.schemas.js';
export type { SetupField } from './access.schemas.js';
export { ANONYMOUS, ROLES, canRead, canSeeMembersLayer, readableLevels } from './access.policy.js';
export type { AccessLevel, Role, Viewer } from './access.policy.js';
export { hashPassword, verifyPassword } from './password.js';
