/** The words of the dialogue feature: who a space is for, the states of a post, flags. */

/** Who reads a space: anyone, the network's members, or the people of chosen organisations. */
export const SPACE_AUDIENCES = ['public', 'members', 'group'] as const;
export type SpaceAudience = (typeof SPACE_AUDIENCES)[number];

/** A post is shown, held for approval, hidden by moderation, or deleted by its author. */
export const POST_STATES = ['shown', 'held', 'hidden', 'deleted'] as const;
export type PostState = (typeof POST_STATES)[number];

export const FLAG_REASONS = ['spam', 'off-topic', 'abusive', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Flags of different members that hide a post pending review (a moderator's one is enough). */
export const FLAGS_TO_HIDE = 3;

/** Threads on a page of a space, posts on a page of a thread. */
export const THREADS_PAGE_SIZE = 30;
export const POSTS_PAGE_SIZE = 20;

/** The longest title and post, in characters. */
export const TITLE_MAX = 200;
export const POST_MAX = 20_000;

/**
 * Discourse's trust idea, simply: an account younger than NEW_ACCOUNT_DAYS, or one that is not a
 * member of the network, posts at most NEW_POSTS_PER_HOUR times an hour with at most
 * NEW_LINKS_PER_POST links, and its first post waits for a moderator's approval.
 */
export const NEW_ACCOUNT_DAYS = 3;
export const NEW_POSTS_PER_HOUR = 5;
export const NEW_LINKS_PER_POST = 2;
export const POSTS_PER_HOUR = 30;

/** A space's list of threads: every one by latest activity, or those without an answer. */
export type ThreadsFilterShow = 'latest' | 'unanswered';

/** What a person is told of a moderator's decision about them. */
export type ModerationMessage =
  | { kind: 'hidden'; reason: string; title: string; path: string }
  | { kind: 'suspended'; reason: string; until: string };
