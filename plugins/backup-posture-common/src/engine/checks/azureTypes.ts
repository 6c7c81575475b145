import { AzureContext } from '../azure/context';
import { PostureCheck } from './types';

/** What an Azure check sees: the entity's Recovery Services vaults, key vaults and keys. @public */
export interface AzureEvaluationInput {
  ctx: AzureContext;
}

/** A check over an entity's Azure inventory. @public */
export type AzureCheck = PostureCheck<AzureEvaluationInput, 'azure'>;
