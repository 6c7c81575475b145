/**
 * Generated estates for property tests: services that share one workload account and region (the
 * common real shape), the account's `Default` vault, central copies, a shared air-gapped vault
 * reached in two hops, and every key kind. Each service is its resource, its plan, the vaults only
 * it uses, its recovery points and copy jobs; shared vaults and AWS-managed keys belong to the
 * estate.
 */
export * from './estateShape';
export * from './sharedFacts';
export * from './serviceFacts';
export * from './mergeFacts';
