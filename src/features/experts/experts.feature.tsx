/**
 * The Experts' facility: anyone asks; editors triage and assign; experts draft; editors publish
 * (for everyone, for members, or privately); the asker hears of every step.
 */
import { defineFeature, type Notify } from '../feature.js';
import { createExpertsPersonalData } from './personal-data.js';
import type { ItemsRepository } from '../knowledge/index.js';
import { answerKind } from './answer.kind.js';
import { createAnswersRepository } from './answers.repository.js';
import { createDeskRepository } from './desk.repository.js';
import { registerDeskRoutes } from './desk.routes.js';
import { EXPERTS_JOBS, createDeskService } from './desk.service.js';
import { createExpertsMail } from './experts.mail.js';
import { createExpertsRepository } from './experts.repository.js';
import { registerExpertsRoutes } from './experts.routes.js';
import { createExpertsService } from './experts.service.js';
import { ExpertsPage } from './pages/landing.page.js';
import type { LocaleParams } from '../../ui/site.js';

export interface ExpertsNeeds {
  themeKeys(): Promise<readonly string[]>;
  countryCodes: readonly string[];
  /** Whether a Knowledge Centre item has this address (for an answer's related items). */
  itemExists(slug: string): Promise<boolean>;
  /** Related Knowledge Centre items, as each viewer may read them. */
  items: ItemsRepository;
  /** Tells a signed-in asker of the answer on their notification page (following). */
  notify: Notify;
}

export const expertsFeature = defineFeature({
  name: 'experts',
  paths: ['/experts'],
  create: (platform, needs: ExpertsNeeds) => {
    const { database, fixedClock: clock } = platform;
    const mail = createExpertsMail({
      mailer: platform.mailer,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
      secret: platform.secret,
    });
    return {
      needs,
      db: database.db,
      experts: createExpertsService({
        repository: createExpertsRepository(database.db),
        mail,
        publicUrl: platform.publicUrl,
        secret: platform.secret,
        themeKeys: needs.themeKeys,
        countries: needs.countryCodes,
        clock,
      }),
      desk: createDeskService({
        repository: createDeskRepository(database.db),
        mail,
        itemExists: needs.itemExists,
        contentChanged: platform.contentChanged,
        notify: needs.notify,
        clock,
      }),
      answers: createAnswersRepository(database.db),
    };
  },
  routes: (site, api) => {
    site.app.get<{ Params: LocaleParams }>('/experts', async (request, reply) =>
      site.pages.sendShared(reply, <ExpertsPage ctx={site.ctxOf(request, reply)} />),
    );
    registerExpertsRoutes(
      site.app,
      {
        experts: api.experts,
        answers: api.answers,
        items: api.needs.items,
        pages: site.pages,
        themeKeys: api.needs.themeKeys,
        countries: api.needs.countryCodes,
      },
      site.ctxOf,
    );
    registerDeskRoutes(site.app, api.desk, site.ctxOf);
  },
  jobs: (api) => [
    { ...EXPERTS_JOBS.remindExperts, run: () => api.desk.remindExperts() },
    { ...EXPERTS_JOBS.purgeQuestions, run: () => api.desk.purgeQuestions() },
  ],
  kinds: (api) => [answerKind(api.db)],
  personalData: (api) => createExpertsPersonalData(api.db),
});

export type ExpertsApi = ReturnType<typeof expertsFeature.create>;
