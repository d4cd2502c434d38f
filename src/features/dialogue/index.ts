export { dialogueFeature, type DialogueApi, type DialogueNeeds } from './dialogue.feature.js';
