export { siteFeature } from './site.feature.js';
