import {
  LineageChain,
  LineageLink,
  ProviderLineageBuilder,
} from '@backup-posture/plugin-backup-posture-common';
import { ONPREM_CLOUD, OnPremSlice } from './types';

/**
 * The example cloud's lineage: each found job as a chain from the protected service (the source)
 * to its site's appliance, and on to the site it copies to. The key is the appliance's.
 */
export const onPremLineage: ProviderLineageBuilder<OnPremSlice> = ({ slice }) =>
  slice.jobs.flatMap(({ site, name, job }): LineageChain[] => {
    if (!job) return [];
    const key = job.encrypted
      ? { keyArn: job.keyId, manager: 'customer' as const }
      : undefined;
    const links: LineageLink[] = [
      {
        id: 'source',
        depth: 0,
        kind: 'source',
        cloud: ONPREM_CLOUD,
        account: site,
        region: 'global',
        issues: [],
      },
      {
        id: `${site}/${name}`,
        parentId: 'source',
        via: { kind: 'backup-rule', label: name },
        depth: 1,
        kind: 'primary',
        cloud: ONPREM_CLOUD,
        account: site,
        region: 'global',
        vaultName: `${site} appliance`,
        ...(key ? { observedKey: key } : {}),
        ...(job.lastSuccessAt
          ? { recoveryPointCreatedAt: job.lastSuccessAt }
          : {}),
        issues: job.encrypted
          ? []
          : [
              {
                rule: 'OP1',
                message: `job ${name} writes unencrypted backups`,
              },
            ],
      },
    ];
    if (job.copyToSite) {
      links.push({
        id: `${job.copyToSite}/${name}`,
        parentId: `${site}/${name}`,
        via: { kind: 'copy-action', label: `${name} → ${job.copyToSite}` },
        depth: 2,
        kind: 'copy',
        cloud: ONPREM_CLOUD,
        account: job.copyToSite,
        region: 'global',
        vaultName: `${job.copyToSite} appliance`,
        copyState: 'configured',
        issues: [],
      });
    }
    return [
      {
        resourceArn: `${ONPREM_CLOUD}:${site}/${name}`,
        resourceType: 'onprem-job',
        encryptionModel: 'independent',
        links,
      },
    ];
  });
