import { Estate, ResourceType } from './types';

/**
 * `ResourceTypeOptInPreference` of an account × region the estate does not override: every type
 * AWS Backup lists, opted in. (AWS's defaults for a new account opt some types out, S3 among them;
 * the estates here opt in what their plans use, and `estate.regionSettings` opts out the rest.)
 */
export const DEFAULT_OPT_IN: Readonly<Record<string, boolean>> = {
  Aurora: true,
  CloudFormation: true,
  DocumentDB: true,
  DSQL: true,
  DynamoDB: true,
  EBS: true,
  EC2: true,
  EFS: true,
  FSx: true,
  Neptune: true,
  RDS: true,
  Redshift: true,
  'Redshift Serverless': true,
  S3: true,
  'SAP HANA on Amazon EC2': true,
  'Storage Gateway': true,
  Timestream: true,
  VirtualMachine: true,
};

/**
 * `ResourceTypeManagementPreference` by default: the types AWS's API reference and CLI examples
 * list (DynamoDB and EFS), fully managed. `DynamoDB: true` is advanced DynamoDB backup, on by
 * default in accounts that started using AWS Backup after November 2021.
 */
export const DEFAULT_MANAGEMENT: Readonly<Record<string, boolean>> = {
  DynamoDB: true,
  EFS: true,
};

/** DescribeRegionSettings of an account × region: the defaults with the estate's overrides. */
export function regionSettingsOf(
  estate: Estate,
  accountId: string,
  region: string,
): {
  optIn: Record<string, boolean>;
  management: Record<string, boolean>;
} {
  const own = (estate.regionSettings ?? []).filter(
    s => s.accountId === accountId && s.region === region,
  );
  return {
    optIn: Object.assign({}, DEFAULT_OPT_IN, ...own.map(s => s.optIn ?? {})),
    management: Object.assign(
      {},
      DEFAULT_MANAGEMENT,
      ...own.map(s => s.management ?? {}),
    ),
  };
}

/** A6: whether AWS Backup backs up `type` in this account × region at all. */
export function optedIn(
  estate: Estate,
  accountId: string,
  region: string,
  type: ResourceType,
): boolean {
  return regionSettingsOf(estate, accountId, region).optIn[type] !== false;
}

/**
 * A6: DynamoDB without full AWS Backup management (advanced DynamoDB backup off): its backups are
 * DynamoDB's own (`arn:aws:dynamodb:…:table/…/backup/…`), keep the table's key and cannot be copied.
 */
export function dynamoDbUnmanaged(
  estate: Estate,
  accountId: string,
  region: string,
  type: ResourceType,
): boolean {
  return (
    type === 'DynamoDB' &&
    regionSettingsOf(estate, accountId, region).management.DynamoDB === false
  );
}
