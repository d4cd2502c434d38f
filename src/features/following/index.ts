export { followingFeature, FOLLOWING_JOBS, type FollowingNeeds } from './following.feature.js';
export { followingStateSql } from './following.repository.js';
