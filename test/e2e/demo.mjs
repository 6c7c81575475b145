// The demo catalog entities the browser tests look at (examples/catalog, served by the demo
// scenario of test/simulated-aws).
export const DEMO = {
  // Aurora in ap-northeast-1 (account 222222222222) with a copy to ap-northeast-3.
  component: 'payments-api',
  componentFacts: ['222222222222', 'ap-northeast-1'],
  // Its copy lands in an aws/backup vault, so AWS substitutes aws/rds (rule A4).
  substitutionComponent: 'payments-api',
  group: 'team-payments',
  groupOwns: 'Payments API',
  // Ten annotated AWS demo services, six Azure ones.
  minReportRows: 16,
  // Azure: a key URI pinned to a version (Z5) and a DR vault whose key vault is elsewhere (Z1).
  azureComponent: 'crm',
  azureFacts: ['rsv-crm', 'rsv-crm-dr', 'pinned to version', 'japanwest'],
  // AWS buckets and an Azure archive vault on one page; its key vault is on Azure RBAC and the
  // vault identity's role (Key Vault Reader) cannot wrap or unwrap (Z3).
  bothCloudsComponent: 'data-lake',
  bothCloudsFacts: [
    'rsv-data-lake-archive',
    'Backup vaults',
    'lacks wrapKey, unwrapKey on key vault kv-data-lake',
  ],
};
