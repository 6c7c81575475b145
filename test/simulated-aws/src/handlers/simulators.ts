/** The simulated AWS services; a signed request goes to the one its SigV4 signing name names. */
import { ServiceSimulator } from './common/context';
import { backupSimulator } from './backup';
import { kmsSimulator } from './kms';
import { organizationsSimulator } from './organizations';
import { stsSimulator } from './sts';
import { taggingSimulator } from './tagging';
import { rdsSimulator } from './rds';
import { ec2Simulator } from './ec2';
import { efsSimulator } from './efs';
import { dynamodbSimulator } from './dynamodb';
import { s3Simulator } from './s3';
import { redshiftSimulator } from './redshift';

export const SIMULATORS: ServiceSimulator[] = [
  backupSimulator,
  kmsSimulator,
  stsSimulator,
  organizationsSimulator,
  taggingSimulator,
  // The services whose resources' own keys discovery reads (source-dependent types, rule A1).
  rdsSimulator,
  ec2Simulator,
  efsSimulator,
  dynamodbSimulator,
  s3Simulator,
  redshiftSimulator,
];
