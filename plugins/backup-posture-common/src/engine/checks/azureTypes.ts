import { AzureContext } from '../azureContext';
import { PostureCheck } from './types';

/** What an Azure check sees. */
export interface AzureEvaluationInput {
  ctx: AzureContext;
}

export type AzureCheck = PostureCheck<AzureEvaluationInput>;
