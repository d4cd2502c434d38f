export {
  newsletterFeature,
  type NewsletterApi,
  type NewsletterNeeds,
} from './newsletter.feature.js';
export { NEWSLETTER_JOBS } from './sending.service.js';
