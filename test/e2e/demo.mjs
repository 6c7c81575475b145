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
  // Sixteen annotated AWS demo services (six in the shared account) and six Azure-only ones.
  minReportRows: 22,
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
  // The shared production account (666666666666, ap-northeast-1): six services of six teams side
  // by side (test/simulated-aws, SHARED_PROD).
  sharedAccount: {
    // Healthy: CMK vaults with compliance locks, copies to Osaka and to the central account.
    healthy: ['notifications', 'orders-db'],
    // What belongs to their neighbours: the account's Default vault (aws/backup, search-indexer),
    // customer-profiles' unlocked vault, media-archive's vaults and cold-storage copy rule,
    // billing-history's vaults, and each other's vaults.
    neighbours: {
      'orders-db': ['messaging-vault'],
      notifications: ['orders-vault'],
      all: [
        'arn:aws:backup:ap-northeast-1:666666666666:backup-vault:Default',
        'profiles-vault',
        'media-vault',
        'media-osaka',
        'media-archive-weekly',
        'weekly-to-osaka-cold',
        'billing-vault',
        'lag-vault',
      ],
    },
    // Copied in two hops: billing-vault (666) → central-vault (444) → lag-vault (555).
    twoHop: 'billing-history',
    primaryVault: 'billing-vault',
    centralVault: 'central-vault',
    airGappedVault: 'lag-vault',
  },
};
