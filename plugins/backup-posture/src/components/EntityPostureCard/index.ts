export { EntityPostureCard } from './EntityPostureCard';
