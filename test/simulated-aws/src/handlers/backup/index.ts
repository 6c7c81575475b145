import { AwsError, jsonResponse } from '../common/errors';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
} from '../common/context';
import { listCopyJobs } from './copyJobs';
import {
  getBackupPlan,
  getBackupSelection,
  listBackupPlans,
  listBackupSelections,
} from './plans';
import {
  listProtectedResources,
  listRecoveryPointsByBackupVault,
} from './recoveryPoints';
import { ROUTES } from './routes';
import { describeGlobalSettings, describeRegionSettings } from './settings';
import {
  describeBackupVault,
  getBackupVaultAccessPolicy,
  listBackupVaults,
  listRestoreAccessBackupVaults,
} from './vaults';

const OPERATIONS: Record<
  string,
  (input: Record<string, any>, ctx: RequestContext) => unknown
> = {
  ListBackupVaults: listBackupVaults,
  DescribeBackupVault: describeBackupVault,
  GetBackupVaultAccessPolicy: getBackupVaultAccessPolicy,
  ListBackupPlans: listBackupPlans,
  GetBackupPlan: getBackupPlan,
  ListBackupSelections: listBackupSelections,
  GetBackupSelection: getBackupSelection,
  ListRecoveryPointsByBackupVault: listRecoveryPointsByBackupVault,
  ListProtectedResources: listProtectedResources,
  ListCopyJobs: listCopyJobs,
  DescribeGlobalSettings: (_input, ctx) => describeGlobalSettings(ctx),
  DescribeRegionSettings: (_input, ctx) => describeRegionSettings(ctx),
  ListRestoreAccessBackupVaults: listRestoreAccessBackupVaults,
};

/** AWS Backup (restJson1). Accepts paths with or without a trailing slash, as AWS does. */
export const backupSimulator: ServiceSimulator = {
  signingName: 'backup',
  protocol: 'restJson1',
  parse(request, url) {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    for (const route of ROUTES) {
      const match =
        route.method === request.method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const input: Record<string, any> = {};
      url.searchParams.forEach((value, key) => {
        input[key] = value;
      });
      route.labels.forEach((label, i) => {
        input[label] = decodeURIComponent(match[i + 1]);
      });
      return { operation: route.operation, input };
    }
    return { operation: `${request.method} ${path}`, input: {} };
  },
  handle({ operation, input }: ParsedOperation, ctx) {
    const fn = OPERATIONS[operation];
    if (!fn)
      throw new AwsError(
        'UnknownOperationException',
        `No operation matches ${operation}`,
        404,
      );
    return jsonResponse('restJson1', fn(input, ctx));
  },
};
