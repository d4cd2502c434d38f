/**
 * Moderation of the dialogue: readers' flags, the queue, and the moderators' decisions (approve,
 * hide with a reason told to the author, restore, lock, pin, move a thread, suspend a person from
 * posting until a date). Every decision is written to the audit log. Moderators are the editors
 * and administrators.
 */
import type { AuditLog, FormResult, SignedInViewer, Viewer } from '../access/index.js';
import { validateForm } from '../access/index.js';
import { flagFormSchema, reasonSchema } from './dialogue.schemas.js';
import type { ModerationMessage } from './dialogue.types.js';
import { isModerator } from './dialogue.visibility.js';
import type { ModerationRepository } from './moderation.repository.js';
import type { PostingRepository } from './posting.repository.js';
import type { Space, SpacesRepository } from './spaces.repository.js';
import type { Thread } from './threads.repository.js';

export interface ModerationDeps {
  moderation: ModerationRepository;
  posting: PostingRepository;
  spaces: SpacesRepository;
  audit: AuditLog;
  clock: () => Date;
  contentChanged(): Promise<void>;
  /** Tells a person by e-mail of a moderator's decision about them. */
  tell(userId: string, message: ModerationMessage): Promise<void>;
  /** Tells the people a post mentions, once it is shown. */
  mentions(
    threadId: string,
    post: { authorId: string; authorName: string; body: string; position: number },
  ): Promise<void>;
}

/** What a moderator may do to a thread. */
export const THREAD_ACTIONS = ['lock', 'unlock', 'pin', 'unpin'] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

const LONGEST_SUSPENSION_DAYS = 366;

export function createModerationService(deps: ModerationDeps) {
  const { moderation, audit } = deps;
  const record = (viewer: SignedInViewer, subject: string, details: Record<string, string>) =>
    audit.record({ type: 'dialogue.moderated', actorId: viewer.id, subject, details });

  return {
    /** True when the viewer moderates every space (opens spaces, sees every queue). */
    isModerator: (viewer: Viewer) => isModerator(viewer),
    /** True when the viewer moderates at least one space. */
    moderatesAny: (viewer: Viewer) => deps.spaces.moderatesAny(viewer),

    /**
     * A reader flags a post of a thread they read; a moderator's flag hides it at once, a third
     * member's flag pending review. Null when the post is not in the thread.
     */
    async flag(
      viewer: SignedInViewer,
      thread: Thread,
      postId: string,
      form: unknown,
    ): Promise<FormResult<{ hidden: boolean }> | null> {
      const post = await deps.posting.post(postId);
      if (!post || post.threadId !== thread.id || post.state === 'deleted') return null;
      const parsed = validateForm(flagFormSchema, form);
      if (!parsed.ok) return parsed;
      const hidden = await moderation.flag(
        post.id,
        viewer.id,
        parsed.value.reason,
        parsed.value.note,
        thread.moderated,
      );
      if (hidden) await deps.contentChanged();
      return { ok: true, hidden };
    },

    /** What waits for the viewer in the spaces they moderate. */
    queue: (viewer: Viewer) => moderation.queue(viewer),

    /** One post with its flags and earlier wordings, for its space's moderators; else null. */
    entry: (viewer: Viewer, postId: string) =>
      /^[0-9a-f-]{36}$/.test(postId) ? moderation.entry(viewer, postId) : null,

    /** Approves or restores a post (shown), or hides it with the reason its author is told. */
    async decide(
      viewer: SignedInViewer,
      postId: string,
      decision: 'show' | 'hide',
      form: unknown,
    ): Promise<FormResult | null> {
      if (!(await this.entry(viewer, postId))) return null;
      let reason = '';
      if (decision === 'hide') {
        const parsed = validateForm(reasonSchema, (form as { reason?: unknown } | null)?.reason);
        if (!parsed.ok) return { ok: false, errors: { reason: 'dialogue.errors.reason' } };
        reason = parsed.value;
      }
      const before = await deps.posting.post(postId);
      const decided = await moderation.decide(
        postId,
        decision === 'show' ? 'shown' : 'hidden',
        reason,
      );
      if (!decided) return null;
      await record(viewer, postId, { action: `post.${decision}`, reason });
      if (decision === 'hide' && decided.authorId)
        await deps.tell(decided.authorId, {
          kind: 'hidden',
          reason,
          title: decided.title,
          path: `/dialogue/${decided.spaceSlug}/${decided.number}?post=${decided.position}#p${decided.position}`,
        });
      await deps.contentChanged();
      // A held post's mentions go out when it is approved.
      if (decision === 'show' && before?.state === 'held' && before.authorId)
        await deps.mentions(before.threadId, {
          authorId: before.authorId,
          authorName: before.authorName ?? '',
          body: before.body,
          position: before.position,
        });
      return { ok: true };
    },

    /** Locks, unlocks, pins or unpins a thread. */
    async act(viewer: SignedInViewer, thread: Thread, action: ThreadAction): Promise<boolean> {
      if (!thread.moderated) return false;
      await moderation.setThread(thread.id, {
        ...(action === 'lock' || action === 'unlock' ? { locked: action === 'lock' } : {}),
        ...(action === 'pin' || action === 'unpin' ? { pinned: action === 'pin' } : {}),
      });
      await record(viewer, thread.id, { action: `thread.${action}` });
      await deps.contentChanged();
      return true;
    },

    /** Moves a thread to another space; the space it is now in, or null. */
    async move(viewer: SignedInViewer, thread: Thread, spaceSlug: unknown): Promise<Space | null> {
      if (!thread.moderated || typeof spaceSlug !== 'string') return null;
      const target = await deps.spaces.find(viewer, spaceSlug);
      // Only to a space they moderate too.
      if (!target || target === 'hidden' || !target.moderated) return null;
      await moderation.setThread(thread.id, { spaceId: target.id });
      await record(viewer, thread.id, { action: 'thread.move', to: target.slug });
      await deps.contentChanged();
      return target;
    },

    /**
     * Keeps the author of a post from posting until a date (YYYY-MM-DD, at most a year ahead),
     * with the reason they are told; an empty date lets them post again.
     */
    async suspend(
      viewer: SignedInViewer,
      postId: string,
      form: unknown,
    ): Promise<FormResult | null> {
      if (!(await this.entry(viewer, postId))) return null;
      const post = await deps.posting.post(postId);
      if (!post?.authorId) return null;
      const fields = (form ?? {}) as { until?: unknown; reason?: unknown };
      const until = typeof fields.until === 'string' ? fields.until.trim() : '';
      if (until === '') {
        await moderation.suspend(post.authorId, null, '', viewer.id);
        await record(viewer, post.authorId, { action: 'person.unsuspend' });
        return { ok: true };
      }
      const date = /^\d{4}-\d{2}-\d{2}$/.test(until) ? new Date(`${until}T23:59:59Z`) : null;
      const now = deps.clock().getTime();
      if (
        !date ||
        Number.isNaN(date.getTime()) ||
        date.getTime() <= now ||
        date.getTime() > now + LONGEST_SUSPENSION_DAYS * 24 * 60 * 60 * 1000
      )
        return { ok: false, errors: { until: 'dialogue.errors.until' } };
      const reason = validateForm(reasonSchema, fields.reason);
      if (!reason.ok) return { ok: false, errors: { reason: 'dialogue.errors.reason' } };
      await moderation.suspend(post.authorId, date, reason.value, viewer.id);
      await deps.tell(post.authorId, { kind: 'suspended', reason: reason.value, until });
      await record(viewer, post.authorId, {
        action: 'person.suspend',
        until,
        reason: reason.value,
      });
      return { ok: true };
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
