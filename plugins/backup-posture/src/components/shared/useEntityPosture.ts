import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { backupPostureApiRef } from '../../api';
import { isBackupPostureAvailable } from '../../isBackupPostureAvailable';

/** Loads the current entity's posture; skips the request when the entity cannot have one. */
export function useEntityPosture() {
  const { entity } = useEntity();
  const api = useApi(backupPostureApiRef);
  const available = isBackupPostureAvailable(entity);
  const entityRef = getCompoundEntityRef(entity);
  const state = useAsyncRetry(async () => {
    if (!available) return undefined;
    return api.getEntityPosture(entityRef);
  }, [api, available, entityRef.kind, entityRef.namespace, entityRef.name]);
  return { entity, available, ...state };
}
