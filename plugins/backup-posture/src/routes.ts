import { createRouteRef } from '@backstage/core-plugin-api';

/** The platform report page. */
export const rootRouteRef = createRouteRef({ id: 'backup-posture' });

/** The entity tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'backup-posture:entity-content',
});
