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
  // Ten annotated demo services.
  minReportRows: 10,
};
