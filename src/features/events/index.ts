export { eventsFeature, type EventsApi, type EventsNeeds } from './events.feature.js';
export * from './events.types.js';
