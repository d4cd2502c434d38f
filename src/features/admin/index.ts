export { testMessage } from './admin.mail.js';
