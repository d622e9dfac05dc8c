import { SIGNIN_PATH } from '../../core/wire/pane.js';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../infra/lib/auth.js';
import { PANE_NOT_DEPLOYED } from '../../infra/lib/pane.js';
import { DEPLOYED_ROUTES, routeKey, TABLE_ENV } from '../../infra/lib/routes.js';
import { refId, synth, SYNTH_TIMEOUT_MS, type Synthesized } from './synth.js';

// DynamoDB actions that change data. Anything else granted to a read route is a bug too,
// but these are the ones that would let a read route corrupt a tree.
const WRITE_ACTIONS = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems|PartiQL(Insert|Update|Delete)|\*)$/;

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, SYNTH_TIMEOUT_MS);

const ofType = (type: string) => Object.entries(s.resources).filter(([, r]) => r.Type === type);

/** Every action granted to a role, by all the policies attached to it. */
function roleActions(roleId: string): string[] {
  const out: string[] = [];
  for (const [, p] of ofType('AWS::IAM::Policy')) {
    const roles = (p.Properties?.Roles as unknown[]).map(refId);
    if (!roles.includes(roleId)) continue;
    for (const st of (p.Properties?.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement) {
      out.push(...[st.Action].flat());
    }
  }
  return out;
}

describe('HTTP API', () => {
  it('declares exactly the deployed routes, each with the Cognito JWT authorizer', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes.map(([, r]) => r.Properties?.RouteKey).sort()).toEqual(DEPLOYED_ROUTES.map(routeKey).sort());
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
    for (const [, r] of routes) {
      expect(r.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it('lets no function write to the table unless its route writes', () => {
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
      const key = route.Properties?.RouteKey as string;
      const deployed = DEPLOYED_ROUTES.find((r) => routeKey(r) === key);
      // Reading is never a write, whatever the table says.
      if (key.startsWith('GET ')) expect(deployed?.access, key).toBe('read');
      // Target is {"Fn::Join": ["", ["integrations/", {"Ref": <integration>}]]}.
      const parts = (route.Properties?.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const integration = s.resources[parts.map(refId).find((id) => id !== undefined) as string];
      expect(integration?.Type, key).toBe('AWS::ApiGatewayV2::Integration');
      const fn = s.resources[refId(integration.Properties?.IntegrationUri) as string];
      expect(fn.Type).toBe('AWS::Lambda::Function');
      const actions = roleActions(refId(fn.Properties?.Role) as string);
      expect(actions, key).toContain('dynamodb:GetItem');
      expect(actions.some((a) => a === '*' || a === 'dynamodb:*'), key).toBe(false);
      expect(actions.some((a) => WRITE_ACTIONS.test(a)), key).toBe(deployed?.access === 'write');
    }
  });

  it('deploys the year\'s documents: realisasi and LKE pushed and read, the evaluator\'s notes written', () => {
    const keys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.RouteKey);
    const opd = '/v1/pemda/{pemda}/periode/{periode}/opd/{opd}';
    expect(keys).toEqual(expect.arrayContaining([
      `PUT ${opd}/realisasi/{tahun}`, `GET ${opd}/realisasi/{tahun}`, `PUT ${opd}/lke/{tahun}`, `GET ${opd}/lke/{tahun}`, `POST ${opd}/lke/{tahun}/catatan`,
    ]));
    expect(DEPLOYED_ROUTES.find((r) => r.file === 'lke-catatan')?.access).toBe('write');
  });

  it('allows CORS from the pane origin only, never *', () => {
    const [[, api]] = ofType('AWS::ApiGatewayV2::Api');
    const cors = api.Properties?.CorsConfiguration as { AllowOrigins: unknown[]; AllowCredentials?: boolean };
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.AllowOrigins)).not.toContain('*');
    expect(JSON.stringify(cors.AllowOrigins)).toContain('PaneDistribution');
  });

  it('throttles every route and logs access as JSON', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage');
    const settings = stage.Properties?.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    expect(Object.keys(settings).sort()).toEqual(DEPLOYED_ROUTES.map(routeKey).sort());
    for (const r of DEPLOYED_ROUTES) expect(settings[routeKey(r)]).toEqual({ ThrottlingRateLimit: r.rate, ThrottlingBurstLimit: r.burst });
    const format = (stage.Properties?.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toMatchObject({ requestId: '$context.requestId', sub: '$context.authorizer.claims.sub' });
  });

  it('runs every handler on nodejs22.x arm64 with the table name and its own log group', () => {
    const fns = ofType('AWS::Lambda::Function');
    expect(fns).toHaveLength(DEPLOYED_ROUTES.length);
    for (const [, fn] of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler',
        Environment: { Variables: { [TABLE_ENV]: { Ref: expect.stringMatching(/^DataTable/) }, NODE_OPTIONS: '--enable-source-maps' } },
      });
      const logGroup = s.resources[refId((fn.Properties?.LoggingConfig as { LogGroup: unknown }).LogGroup) as string];
      expect(logGroup.Properties?.RetentionInDays).toBe(30);
    }
  });
});

describe('storage and hosting', () => {
  it('keeps the table: PITR, deletion protection, RETAIN, TTL and GSI1', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [{ IndexName: 'GSI1', KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }] }],
    });
  });

  it('keeps the pane bucket private and SSL-only, readable by CloudFront through OAC', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
    s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: 'taskpane.html', DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }) }),
    });
  });

  it('says clearly that the pane was not deployed when its build is missing, without placeholder content', () => {
    s.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(s.stack).hasWarning('*', Match.stringLikeRegexp('task pane was NOT deployed'));
    expect(Annotations.fromStack(s.stack).findWarning('*', Match.anyValue()).some((w) => JSON.stringify(w).includes(PANE_NOT_DEPLOYED))).toBe(true);
    expect(s.template.toJSON().Outputs.PaneDeployed.Value).toMatch(/^NO/);
  });
});

describe('Cognito', () => {
  it('has a public app client: no secret, code flow only, no direct password sign-in', () => {
    const [[, client]] = ofType('AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      GenerateSecret: false, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'], SupportedIdentityProviders: ['COGNITO'],
    });
    // The redirect URI is the sign-in page the pane opens (one constant, core/wire/pane.ts).
    expect(JSON.stringify(client.Properties?.CallbackURLs)).toContain(SIGNIN_PATH);
    expect(JSON.stringify(client.Properties?.CallbackURLs)).not.toContain('auth-callback');
    // Users can read their pemda and OPD but not change them.
    expect(client.Properties?.ReadAttributes).toEqual(expect.arrayContaining(['custom:pemda', 'custom:kode_opd']));
    expect((client.Properties?.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it('has the four groups, the custom attributes, a password policy and optional TOTP MFA', () => {
    expect(ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties?.GroupName).sort()).toEqual(Object.keys(GROUPS).sort());
    const [[, pool]] = ofType('AWS::Cognito::UserPool');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties).toMatchObject({
      MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'], DeletionProtection: 'ACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true } },
    });
    const names = (pool.Properties?.Schema as { Name: string }[]).map((a) => a.Name);
    expect(names).toEqual(expect.arrayContaining(['pemda', 'kode_opd']));
    s.template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('outputs what the IT team needs next', () => {
    expect(Object.keys(s.template.toJSON().Outputs)).toEqual(expect.arrayContaining([
      'ApiUrl', 'PaneUrl', 'UserPoolId', 'UserPoolClientId', 'HostedUiDomain', 'TableName',
    ]));
  });
});
