import { AnyApiFactory } from '@backstage/core-plugin-api';

// The default APIs of @backstage/app-defaults are enough for the dev app; the backup-posture
// plugin brings its own API factory.
export const apis: AnyApiFactory[] = [];
