export {
  monitoringFeature,
  type MonitoringApi,
  type MonitoringNeeds,
} from './monitoring.feature.js';
export { MONITORING_JOBS } from './watch.service.js';
