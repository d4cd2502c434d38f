/** The desk's scheduled jobs: experts reminded of due days, and unconfirmed and spam questions deleted. */
import type { DeskServiceDeps, DeskTools } from './desk.service.js';

/** Experts are reminded this many days before a question is due (and once when it is overdue). */
export const REMIND_DAYS_BEFORE = 2;
/** Questions never confirmed are deleted after this many days; those marked as spam after 30. */
export const UNCONFIRMED_RETENTION_DAYS = 7;
export const SPAM_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The desk's jobs, run by the scheduler. */
export function createDeskJobs(deps: DeskServiceDeps, tools: DeskTools) {
  const { now, today } = tools;
  return {
    /**
     * Job: reminds assigned experts of questions due within two days, and once more when overdue.
     * Each reminder is recorded, so a second run sends nothing twice. Returns how many were sent.
     */
    async remindExperts(): Promise<number> {
      const due = await deps.repository.dueReminders(today(), REMIND_DAYS_BEFORE);
      for (const reminder of due) {
        await deps.mail.send({
          to: reminder.email,
          locale: reminder.locale,
          kind: reminder.dueOn < today() ? 'expertOverdue' : 'expertReminder',
          name: reminder.name,
          due: reminder.dueOn,
          action: deps.mail.url(reminder.locale, `/experts/workspace/${reminder.questionId}`),
        });
        await deps.repository.markReminded(reminder.questionId, reminder.expertId, now());
      }
      return due.length;
    },

    /** Job: deletes questions never confirmed after 7 days, and spam after 30. Returns how many. */
    async purgeQuestions(): Promise<number> {
      const at = now().getTime();
      return deps.repository.purge(
        new Date(at - UNCONFIRMED_RETENTION_DAYS * DAY_MS),
        new Date(at - SPAM_RETENTION_DAYS * DAY_MS),
      );
    },
  };
}

/** The Experts' facility's jobs. */
export const EXPERTS_JOBS = {
  remindExperts: { name: 'experts.remind-experts', cron: '41 * * * *' },
  purgeQuestions: { name: 'experts.purge-questions', cron: '29 3 * * *' },
} as const;
