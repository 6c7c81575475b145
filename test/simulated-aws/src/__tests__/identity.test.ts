import { describe, expect, it } from '@jest/globals';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  paginateGetResources,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  MAIN_CREDENTIALS,
  assumeRole,
  setupSimulator,
} from '../__testUtils__/demoSimulator';

const sim = setupSimulator();

describe('STS', () => {
  it('hands out credentials that act as the target account', async () => {
    const creds = await assumeRole('333333333333');
    expect(creds.accessKeyId).toMatch(/^ASIASIM333333333333/);
    const sts = new STSClient({ region: 'eu-west-1', credentials: creds });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Account: '333333333333',
      Arn: 'arn:aws:sts::333333333333:assumed-role/BackupPostureReadOnly/backup-posture-test',
    });
    const main = new STSClient({
      region: 'us-east-1',
      credentials: MAIN_CREDENTIALS,
    });
    expect((await main.send(new GetCallerIdentityCommand({}))).Account).toBe(
      '111111111111',
    );
    expect(sim.calls.map(c => [c.operation, c.account])).toEqual([
      ['AssumeRole', '111111111111'],
      ['GetCallerIdentity', '333333333333'],
      ['GetCallerIdentity', '111111111111'],
    ]);
  });

  it('denies roles that do not exist, with the XML error shape', async () => {
    const sts = new STSClient({
      region: 'us-east-1',
      credentials: MAIN_CREDENTIALS,
    });
    const denied = sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/Admin',
        RoleSessionName: 'x',
      }),
    );
    await expect(denied).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/BackupPostureReadOnly',
          RoleSessionName: 'x',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('rejects unknown access keys', async () => {
    const sts = new STSClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
    });
    await expect(
      sts.send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });
});

describe('Organizations', () => {
  it('lists the member accounts from the management account, 20 per page at most', async () => {
    const org = new OrganizationsClient({
      region: 'us-east-1',
      credentials: MAIN_CREDENTIALS,
    });
    const ids: string[] = [];
    for await (const page of paginateListAccounts(
      { client: org, pageSize: 2 },
      {},
    ))
      ids.push(...page.Accounts!.map(a => a.Id!));
    expect(ids.sort()).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '444444444444',
      '555555555555',
      '666666666666',
    ]);
    expect(sim.countCalls({ operation: 'ListAccounts' })).toBe(3);
    const one = await org.send(new ListAccountsCommand({}));
    expect(one.Accounts![1]).toMatchObject({
      State: 'ACTIVE',
      Name: 'workloads-prod',
    });
    expect(one.Accounts![1].JoinedTimestamp).toBeInstanceOf(Date);
    await expect(
      org.send(new ListAccountsCommand({ MaxResults: 21 })),
    ).rejects.toMatchObject({ name: 'InvalidInputException' });
  });

  it('may answer an empty first page with a NextToken, as real Organizations does', async () => {
    sim.quirks.emptyOrganizationsPages = true;
    const org = new OrganizationsClient({
      region: 'us-east-1',
      credentials: MAIN_CREDENTIALS,
    });
    const first = await org.send(new ListAccountsCommand({}));
    expect(first.Accounts).toEqual([]);
    expect(first.NextToken).toBeDefined();
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: org }, {}))
      ids.push(...page.Accounts!.map(a => a.Id!));
    expect(ids).toHaveLength(6);
  });

  it('describes the organization from members, denies listing there, and is not in use outside', async () => {
    const member = new OrganizationsClient({
      region: 'us-east-1',
      credentials: await assumeRole('222222222222'),
    });
    const out = await member.send(new DescribeOrganizationCommand({}));
    expect(out.Organization).toMatchObject({
      Id: 'o-demo12345',
      MasterAccountId: '111111111111',
    });
    await expect(
      member.send(new ListAccountsCommand({})),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const outside = new OrganizationsClient({
      region: 'us-east-1',
      credentials: await assumeRole('999999999999'),
    });
    await expect(
      outside.send(new DescribeOrganizationCommand({})),
    ).rejects.toMatchObject({
      name: 'AWSOrganizationsNotInUseException',
    });
  });
});

describe('Resource Groups Tagging API', () => {
  it('finds resources by tag filters and resource types in the account and region', async () => {
    const tagging = new ResourceGroupsTaggingAPIClient({
      region: 'eu-west-1',
      credentials: await assumeRole('222222222222'),
    });
    const out = await tagging.send(
      new GetResourcesCommand({
        TagFilters: [{ Key: 'app', Values: ['data-lake'] }],
      }),
    );
    expect(out.ResourceTagMappingList!.map(r => r.ResourceARN).sort()).toEqual([
      'arn:aws:s3:::acme-data-lake-curated',
      'arn:aws:s3:::acme-data-lake-raw',
    ]);
    expect(out.PaginationToken).toBe('');
    const redshift = await tagging.send(
      new GetResourcesCommand({ ResourceTypeFilters: ['redshift:cluster'] }),
    );
    expect(redshift.ResourceTagMappingList!.map(r => r.ResourceARN)).toEqual([
      'arn:aws:redshift:eu-west-1:222222222222:cluster:data-warehouse',
    ]);
    const both = await tagging.send(
      new GetResourcesCommand({
        TagFilters: [
          { Key: 'app', Values: ['data-lake'] },
          { Key: 'tier', Values: ['raw'] },
        ],
      }),
    );
    expect(both.ResourceTagMappingList).toHaveLength(1);
  });

  it('pages with ResourcesPerPage (max 100) and ends with an empty PaginationToken', async () => {
    const tagging = new ResourceGroupsTaggingAPIClient({
      region: 'ap-northeast-1',
      credentials: await assumeRole('222222222222'),
    });
    const arns: string[] = [];
    const tokens: Array<string | undefined> = [];
    for await (const page of paginateGetResources(
      { client: tagging },
      {
        TagFilters: [{ Key: 'team', Values: ['payments'] }],
        ResourcesPerPage: 1,
      },
    )) {
      arns.push(...page.ResourceTagMappingList!.map(r => r.ResourceARN!));
      tokens.push(page.PaginationToken);
    }
    expect(arns).toHaveLength(4);
    expect(tokens[tokens.length - 1]).toBe('');
    await expect(
      tagging.send(new GetResourcesCommand({ ResourcesPerPage: 101 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});
