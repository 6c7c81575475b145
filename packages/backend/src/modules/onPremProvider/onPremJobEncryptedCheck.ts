import {
  finding,
  Finding,
  ProviderCheck,
} from '@backup-posture/plugin-backup-posture-node';
import { ONPREM_CLOUD, OnPremSlice } from './types';

/**
 * The example cloud's check: every on-premises backup job that backs the entity up encrypts its
 * data. A job missing from its site's last good snapshot fails only when that site was read now;
 * when the site could not be read (or was never scanned) the job is `unknown`, with the reason.
 */
export const onPremJobEncryptedCheck: ProviderCheck<OnPremSlice> = {
  definition: {
    id: 'onprem-job-encrypted',
    title: 'On-premises backup jobs encrypt their data',
    cloud: ONPREM_CLOUD,
    severity: 'high',
    rules: ['OP1'],
    description:
      'Each backup job of the entity (annotation `backup-posture.example.com/onprem-jobs`): the appliance reports it encrypted at rest, with a key of the site key manager.',
    remediation: {
      why: 'Unencrypted backup data on an appliance can be read by anyone with access to its disks or its replicas.',
      console: [
        "Open the site's appliance console → Jobs → the job → Storage.",
        'Turn on encryption at rest and pick a key from the site key manager.',
      ],
    },
  },
  evaluate({ slice, scopes }) {
    return slice.jobs.map(({ site, name, job }): Finding => {
      const subject = `${site}/${name}`;
      const scope = scopes.find(s => s.account === site);
      if (!job) {
        if (!scope || scope.state !== 'ok') {
          return finding(subject, 'unknown', `site ${site} could not be read`, {
            site,
            job: name,
            error: scope?.error
              ? `${scope.error.name}: ${scope.error.message}`
              : undefined,
          });
        }
        return finding(subject, 'fail', `no job ${name} on site ${site}`, {
          site,
          job: name,
        });
      }
      return job.encrypted
        ? finding(subject, 'pass', `encrypted with ${job.keyId}`, {
            site,
            job: name,
            keyId: job.keyId,
          })
        : finding(subject, 'fail', 'writes unencrypted backups', {
            site,
            job: name,
            encrypted: false,
          });
    });
  },
};
