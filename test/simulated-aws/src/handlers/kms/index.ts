import { AwsError } from '../common/errors';
import {
  ParsedOperation,
  ServiceSimulator,
  parseAwsJson,
} from '../common/context';
import { listAliases } from './aliases';
import {
  describeKey,
  getKeyPolicy,
  getKeyRotationStatus,
  listKeys,
} from './keys';

/** KMS (awsJson1.1, `TrentService.*`). */
export const kmsSimulator: ServiceSimulator = {
  signingName: 'kms',
  protocol: 'awsJson1_1',
  parse: (request, _url, body) => parseAwsJson(request, body),
  handle({ operation, input }: ParsedOperation, ctx) {
    switch (operation) {
      case 'DescribeKey':
        return describeKey(input, ctx);
      case 'GetKeyRotationStatus':
        return getKeyRotationStatus(input, ctx);
      case 'GetKeyPolicy':
        return getKeyPolicy(input, ctx);
      case 'ListAliases':
        return listAliases(input, ctx);
      case 'ListKeys':
        return listKeys(input, ctx);
      default:
        throw new AwsError(
          'UnknownOperationException',
          `Unknown operation ${operation}`,
        );
    }
  },
};
