export { citiesFeature, type CitiesApi, type CitiesNeeds } from './cities.feature.js';
