export { createMembersRepository, ORGANISATION_KINDS } from './members.repository.js';
export type {
  MembersRepository,
  OrganisationKind,
  OrganisationView,
} from './members.repository.js';
