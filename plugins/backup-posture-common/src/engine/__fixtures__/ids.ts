/**
 * The test estate's organization, accounts and regions, its clock (NOW and times relative to it)
 * and ARNs.
 */
export const ORG_ID = 'o-demo12345';
export const MGMT = '111111111111';
export const PROD = '222222222222';
export const DEV = '333333333333';
export const CENTRAL = '444444444444';
export const RECOVERY = '555555555555';
export const OUTSIDE = '999999999999';
export const TOKYO = 'ap-northeast-1';
export const OSAKA = 'ap-northeast-3';
export const VIRGINIA = 'us-east-1';
export const NOW = '2026-11-23T12:00:00.000Z';

export const hoursAgo = (h: number) =>
  new Date(Date.parse(NOW) - h * 3_600_000).toISOString();
export const daysAgo = (d: number) => hoursAgo(d * 24);
export const daysAhead = (d: number) => hoursAgo(-d * 24);

export const vaultArn = (account: string, region: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
export const keyArn = (account: string, region: string, id: string) =>
  `arn:aws:kms:${region}:${account}:key/${id}`;
