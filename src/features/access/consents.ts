/** The texts people accept, and the version in force. */

/** The privacy notice (the page "privacy"), acknowledged at sign-up. Bump the version when it changes. */
export const PRIVACY_NOTICE = { document: 'privacy-notice', version: '2026-11-22' } as const;
