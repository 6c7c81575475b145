/**
 * Rule A6: the AWS Backup region settings of a resource's account × region decide whether AWS
 * Backup protects its type at all (`ResourceTypeOptInPreference`) and, for DynamoDB, which key its
 * backups get (`ResourceTypeManagementPreference`, ./classify.ts).
 */
import { AwsRegionSettingsFact } from '../../inventory';
import {
  ManagementPreference,
  MANAGEMENT_DEPENDENT_RESOURCE_TYPES,
} from './classify';

/**
 * What is known of one account × region's region settings: not collected at all (the inventory has
 * none: each type keeps its documented default), read, or unread with why. @public
 */
export type RegionSettingsRead =
  | { state: 'not-collected' }
  | { state: 'read'; settings: AwsRegionSettingsFact }
  | { state: 'unread'; reason: string };

/** Whether AWS Backup protects a resource type in its account × region (A6). @public */
export interface OptInState {
  state: 'opted-in' | 'not-opted-in' | 'unknown' | 'not-collected';
  /** The setting as read, e.g. `ResourceTypeOptInPreference.DynamoDB = false`. */
  setting?: string;
  /** Why it is unknown. */
  reason?: string;
}

const where = (account: string, region: string) =>
  `account ${account} in ${region}`;

/**
 * The region settings of `account` × `region` among `all` (an inventory's `regionSettings`);
 * `scopeError` is why the whole scope could not be read, when it could not.
 */
export function regionSettingsIn(
  all: readonly AwsRegionSettingsFact[] | undefined,
  account: string,
  region: string,
  scopeError?: string,
): RegionSettingsRead {
  if (!all) return { state: 'not-collected' };
  const settings = all.find(
    s => s.accountId === account && s.region === region,
  );
  if (settings && !settings.error) return { state: 'read', settings };
  if (settings?.error)
    return {
      state: 'unread',
      reason: `the region settings of ${where(account, region)} could not be read: ${settings.error.name}: ${settings.error.message}`,
    };
  return {
    state: 'unread',
    reason:
      scopeError ??
      `the region settings of ${where(account, region)} were not read`,
  };
}

/** The value AWS lists for `resourceType` (AWS spells types one way; match any case). */
function listed(
  map: Readonly<Record<string, boolean>> | undefined,
  resourceType: string,
): { type: string; value: boolean } | undefined {
  if (!map) return undefined;
  const lower = resourceType.toLowerCase();
  const type = Object.keys(map).find(t => t.toLowerCase() === lower);
  return type === undefined ? undefined : { type, value: map[type] };
}

/** A6: whether AWS Backup protects `resourceType` where these settings were read. */
export function optInOf(
  read: RegionSettingsRead,
  resourceType: string,
): OptInState {
  if (read.state === 'not-collected') return { state: 'not-collected' };
  if (read.state === 'unread') return { state: 'unknown', reason: read.reason };
  const { accountId, region, resourceTypeOptInPreference } = read.settings;
  const hit = listed(resourceTypeOptInPreference, resourceType);
  if (!hit)
    return {
      state: 'unknown',
      reason: `the region settings of ${where(accountId, region)} do not list ${resourceType} in ResourceTypeOptInPreference`,
    };
  return {
    state: hit.value ? 'opted-in' : 'not-opted-in',
    setting: `ResourceTypeOptInPreference.${hit.type} = ${hit.value}`,
  };
}

/** The `ResourceTypeManagementPreference` the A1 classification follows (./classify.ts). */
export function managementPreferenceOf(
  read: RegionSettingsRead,
): ManagementPreference | undefined {
  if (read.state === 'not-collected') return undefined;
  if (read.state === 'unread') return 'unread';
  return read.settings.resourceTypeManagementPreference ?? {};
}

/**
 * Why a management-dependent type (DynamoDB) has the encryption model it has here, in words;
 * undefined for other types and when the settings are not collected.
 */
export function managementReasonOf(
  read: RegionSettingsRead,
  resourceType: string,
): string | undefined {
  const type = MANAGEMENT_DEPENDENT_RESOURCE_TYPES.find(
    t => t.toLowerCase() === resourceType.toLowerCase(),
  );
  if (!type || read.state === 'not-collected') return undefined;
  if (read.state === 'unread')
    return `whether AWS Backup fully manages ${type} backups (ResourceTypeManagementPreference) is not known: ${read.reason}`;
  const { accountId, region, resourceTypeManagementPreference } = read.settings;
  const hit = listed(resourceTypeManagementPreference, type);
  if (!hit)
    return `the region settings of ${where(accountId, region)} do not list ${type} in ResourceTypeManagementPreference`;
  return hit.value
    ? `ResourceTypeManagementPreference.${hit.type} = true in ${where(accountId, region)} (advanced ${type} backup): backups take the vault's key`
    : `ResourceTypeManagementPreference.${hit.type} = false in ${where(accountId, region)} (advanced ${type} backup off): backups keep the table's key and cannot be copied to another vault`;
}
