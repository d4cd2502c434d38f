export { createMembersRepository, ORGANISATION_KINDS } from './members.repository.js';
export type {
  MembersRepository,
  OrganisationKind,
  OrganisationView,
} from './members.repository.js';
export { createMembersService, INVITATION_LIFETIME_MS } from './members.service.js';
export type { MembersService } from './members.service.js';
export { DECISIONS } from './members.schemas.js';
export type { Decision } from './members.schemas.js';
