import { AwsError, epoch, jsonResponse } from './common/errors';
import { callerResources, createdAt } from './common/sourceResources';
import {
  ParsedOperation,
  RequestContext,
  ServiceSimulator,
  parseAwsJson,
} from './common/context';

function describeTable(input: Record<string, any>, ctx: RequestContext) {
  const name = String(input.TableName ?? '');
  if (!name) {
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
    );
  }
  const table = callerResources(ctx, ['DynamoDB']).find(
    r => r.name === name || r.arn === name,
  );
  if (!table) {
    throw new AwsError(
      'ResourceNotFoundException',
      `Requested resource not found: Table: ${name} not found`,
    );
  }
  return jsonResponse('awsJson1_0', {
    Table: {
      TableName: table.name,
      TableArn: table.arn,
      TableId: Buffer.from(table.arn).toString('hex').slice(-32),
      TableStatus: 'ACTIVE',
      CreationDateTime: epoch(createdAt(ctx)),
      ItemCount: 0,
      TableSizeBytes: 0,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      DeletionProtectionEnabled: true,
      // No SSEDescription: the table is on the AWS-owned key (DynamoDB's default).
      SSEDescription: table.kmsKeyArn
        ? {
            Status: 'ENABLED',
            SSEType: 'KMS',
            KMSMasterKeyArn: table.kmsKeyArn,
          }
        : undefined,
    },
  });
}

/** Amazon DynamoDB (awsJson1.0, `DynamoDB_20120810.*`). */
export const dynamodbSimulator: ServiceSimulator = {
  signingName: 'dynamodb',
  protocol: 'awsJson1_0',
  parse: (request, _url, body) => parseAwsJson(request, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    if (operation === 'DescribeTable') return describeTable(input, ctx);
    throw new AwsError(
      'UnknownOperationException',
      `Unknown operation ${operation}`,
    );
  },
};
