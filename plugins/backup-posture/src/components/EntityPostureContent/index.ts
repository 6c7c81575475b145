export { EntityPostureContent } from './EntityPostureContent';
