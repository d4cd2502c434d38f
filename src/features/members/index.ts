export { createMembersRepository, MEMBERSHIPS, ORGANISATION_KINDS } from './members.repository.js';
export { kindLabel, membershipLabel } from './pages/labels.js';
export type {
  MembersRepository,
  Membership,
  OrganisationContact,
  OrganisationFilter,
  OrganisationKind,
  OrganisationView,
} from './members.repository.js';
export { createMembersService, INVITATION_LIFETIME_MS } from './members.service.js';
export type { MembersService } from './members.service.js';
export { DECISIONS, MEMBERSHIP_STATUSES } from './members.schemas.js';
export type { Decision } from './members.schemas.js';
export { createPeopleRepository, PROFILE_FIELDS, VISIBILITIES } from './people.repository.js';
export type {
  DirectoryFilter,
  PeopleRepository,
  ProfileField,
  ProfileView,
  StoredProfile,
  Visibility,
} from './people.repository.js';
export { createPeopleService, INTRODUCTIONS_PER_DAY } from './people.service.js';
export type { PeopleService } from './people.service.js';
export { OrganisationList } from './pages/network.page.js';
export { membershipsSql, readerOf, type Reader } from './readers.js';
export { membersFeature, type MembersApi, type MembersNeeds } from './members.feature.js';
