import { LineageChain } from '../../posture';
import { ScopeStatus } from '../../inventory';
import { EvaluationClock } from '../clock';
import { PostureLimits } from '../options';
import { PostureCheck } from './types';

/**
 * What a check over a module's cloud sees: that cloud's part of the entity's inventory
 * (`EntityInventory.clouds[cloud]`, in the shape its inventory provider slices), the scopes that
 * hold it (a scope in `error` or `stale` state means its evidence is missing or old: answer
 * `unknown` rather than pass or fail), the evaluation time and the limits.
 *
 * @public
 */
export interface ProviderEvaluationInput<TSlice = unknown> {
  cloud: string;
  entityRef: string;
  slice: TSlice;
  scopes: ScopeStatus[];
  /**
   * The evaluation time. Compare facts' times through `clock` instead: read here, the evaluation
   * holds only for this instant (a backend does not reuse it at a later scan).
   */
  now: Date;
  /** Every comparison with the evaluation time, recorded: until when the evaluation holds. */
  clock: EvaluationClock;
  limits: PostureLimits;
  /** The chains the cloud's `lineage` builder drew for the entity (empty without one). */
  lineage: LineageChain[];
}

/**
 * A check over the inventory of a cloud a backend module adds with its own inventory provider:
 * `definition.cloud` names that cloud (not `aws` or `azure`, whose checks read the engine's
 * contexts: `AwsCheck`, `AzureCheck`).
 *
 * @public
 */
export type ProviderCheck<TSlice = unknown> = PostureCheck<
  ProviderEvaluationInput<TSlice>,
  string
>;

/**
 * Draws the key lineage of a module's cloud for one entity, from the same input its checks get
 * (without `lineage`).
 *
 * @public
 */
export type ProviderLineageBuilder<TSlice = unknown> = (
  input: Omit<ProviderEvaluationInput<TSlice>, 'lineage'>,
) => LineageChain[];
