export { testMessage } from './admin.mail.js';
export { adminFeature } from './admin.feature.js';
