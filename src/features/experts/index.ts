/** The Experts' facility: questions from anyone, answered by the network's experts. */
export {
  createExpertsRepository,
  PUBLICATIONS,
  type FollowedQuestion,
  type Publication,
  type QuestionStatus,
} from './experts.repository.js';
export {
  createExpertsService,
  MAX_LINKS,
  MIN_FILL_MS,
  QUESTIONS_PER_DAY,
  type ExpertsService,
} from './experts.service.js';
export { QUESTION_MIN_LENGTH } from './experts.schemas.js';
export { createExpertsMail, type ExpertsMail } from './experts.mail.js';
export {
  createDeskRepository,
  QUEUE_VIEWS,
  type DeskQuestion,
  type QueueRow,
  type QueueView,
  type ServiceFigures,
} from './desk.repository.js';
export {
  createDeskService,
  EXPERTS_JOBS,
  QUEUE_PAGE_SIZE,
  rankExperts,
  type DeskService,
  type Suggestion,
} from './desk.service.js';
export {
  ANSWERS_PAGE_SIZE,
  createAnswersRepository,
  type AnswerSummary,
  type AnswerView,
  type AnswersRepository,
} from './answers.repository.js';
export { expertsFeature, type ExpertsApi, type ExpertsNeeds } from './experts.feature.js';
