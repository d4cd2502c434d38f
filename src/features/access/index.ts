export { createAccessRepository } from './access.repository.js';
export type { AccessRepository } from './access.repository.js';
export { createAccessService, SETUP_LINK_LIFETIME_MS } from './access.service.js';
export type { AccessService, SetupResult } from './access.service.js';
export {
  MIN_PASSWORD_LENGTH,
  setupFormSchema,
  signUpFormSchema,
  validateForm,
} from './access.schemas.js';
export type { FieldErrors, SetupField } from './access.schemas.js';
export {
  ANONYMOUS,
  ROLES,
  administered,
  can,
  effectiveRole,
  canRead,
  canReadAuditLog,
  canSeeMembersLayer,
  LAYER_READERS,
  layerOf,
  readableLevels,
  STAFF_ROLES,
} from './access.policy.js';
export type {
  AccessLevel,
  Action,
  Membership,
  PolicyItem,
  PolicyViewer,
  Role,
  Viewer,
} from './access.policy.js';
export { hashPassword, verifyPassword } from './password.js';
export { createAuth, AUTH_COOKIE_PREFIX } from './auth.js';
export type { Auth } from './auth.js';
export { createAccountsService } from './accounts.service.js';
export type {
  AccountsService,
  FormResult,
  RequestOrigin,
  SignedInViewer,
} from './accounts.service.js';
export { MAILS_PER_ADDRESS_PER_HOUR } from './accounts.service.js';
export { AUDIT_EVENT_TYPES, createAuditLog } from './audit.js';
export type { AuditEventType, AuditLog } from './audit.js';
export { createSignInThrottle, lockSeconds } from './sign-in-throttle.js';
export { ACCESS_JOBS, UNVERIFIED_ACCOUNT_DAYS, createAccessJobs } from './access.jobs.js';
export type { AccessJobs } from './access.jobs.js';
export { PRIVACY_NOTICE } from './consents.js';
export { createRolesService, GRANTABLE_ROLES } from './roles.service.js';
export type { RolesService } from './roles.service.js';
export { accessFeature, type AccessApi, type AccessNeeds } from './access.feature.js';
export { PRIVATE, formPost, signedInOrRedirect, type Ctx, type LocaleParams } from './signed-in.js';
export { sendMessage } from './account.replies.js';
