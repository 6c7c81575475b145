/** AWS Backup resource type guessed from an ARN, used when no scan result names it. */
export function resourceTypeFromArn(arn: string): string {
  const [, , service, , , resource = ''] = arn.split(':');
  const kind = resource.split(/[/:]/)[0];
  switch (service) {
    case 's3':
      return 'S3';
    case 'dynamodb':
      return 'DynamoDB';
    case 'elasticfilesystem':
      return 'EFS';
    case 'ec2':
      return kind === 'volume' ? 'EBS' : 'EC2';
    case 'rds':
      return kind === 'cluster' ? 'Aurora' : 'RDS';
    case 'fsx':
      return 'FSx';
    case 'redshift':
      return 'Redshift';
    case 'storagegateway':
      return 'Storage Gateway';
    case 'docdb':
      return 'DocumentDB';
    case 'neptune-db':
      return 'Neptune';
    default:
      return service ?? 'unknown';
  }
}

/** Account and region written in an ARN (empty for global ARNs such as S3 buckets). */
export function arnScope(arn: string): { accountId: string; region: string } {
  const parts = arn.split(':');
  return { region: parts[3] ?? '', accountId: parts[4] ?? '' };
}
