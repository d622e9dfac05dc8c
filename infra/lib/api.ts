/**
 * The HTTP API: one NodejsFunction per route (infra/lib/routes.ts), every route behind the
 * Cognito JWT authorizer, CORS for the pane's origins only, throttled per route. Each
 * function's role can read the table; only the routes that write can write.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage, CorsHttpMethod, DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { lambdaBundling, REPO_ROOT } from './bundling.js';
import { DEPLOYED_ROUTES, entryOf, routeId, routeKey, TABLE_ENV, type DeployedRoute } from './routes.js';

export interface PokinApiProps {
  table: ITable;
  userPool: IUserPool;
  client: IUserPoolClient;
  /** Origins allowed by CORS (the pane's, plus configured extras); never `*`. */
  origins: string[];
  logRetention: RetentionDays;
  domainName?: string;
  certificateArn?: string;
}

/** Request headers the pane sends: the bearer token, JSON, and gzip-compressed pushes. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'content-encoding'];

/**
 * One JSON line per request: who (the token's `sub`), which route, the answer and why it
 * failed before reaching a function (authorizer or integration errors): what an auditor
 * or an IT team debugging a 401 needs, and no request bodies.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  sub: '$context.authorizer.claims.sub',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  bytes: '$context.responseLength',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
}));

export class PokinApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The functions by route key (`PUT /v1/…/tree`), for outputs and tests. */
  readonly functions = new Map<string, NodejsFunction>();
  readonly url: string;

  constructor(scope: Construct, id: string, props: PokinApiProps) {
    super(scope, id);
    if (props.origins.length === 0 || props.origins.includes('*')) throw new Error('PokinApi: CORS needs explicit origins');

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      userPoolClients: [props.client],
      identitySource: ['$request.header.Authorization'],
    });

    this.api = new HttpApi(this, 'HttpApi', {
      description: `Pokin API (${Stack.of(this).stackName})`,
      // Every route is authorized: declared as the default so a route added later cannot
      // forget it (CORS preflights are answered by API Gateway before any authorizer).
      defaultAuthorizer: authorizer,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.origins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: ['retry-after', 'content-encoding'],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const domain = props.domainName !== undefined && props.certificateArn !== undefined
      ? new DomainName(this, 'Domain', {
        domainName: props.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
      })
      : undefined;

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Fallback for any route without its own setting below.
      throttle: { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
      ...(domain ? { domainMapping: { domainName: domain } } : {}),
    });

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of DEPLOYED_ROUTES) {
      const fn = this.routeFunction(route, props);
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${routeId(route)}Integration`, fn),
      });
      // Route settings name routes by key; CloudFormation must create the routes first.
      for (const r of added) this.stage.node.addDependency(r);
      routeSettings[routeKey(route)] = { ThrottlingRateLimit: route.rate, ThrottlingBurstLimit: route.burst };
      this.functions.set(routeKey(route), fn);
    }
    // HttpStage exposes one throttle for the whole stage; per-route limits need the L1.
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;

    this.url = domain ? `https://${props.domainName}` : this.api.apiEndpoint;
  }

  private routeFunction(route: DeployedRoute, props: PokinApiProps): NodejsFunction {
    const name = routeId(route);
    const fn = new NodejsFunction(this, name, {
      description: `Pokin ${routeKey(route)}`,
      entry: join(REPO_ROOT, entryOf(route)),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: route.memoryMb,
      timeout: Duration.seconds(route.timeoutSeconds),
      environment: {
        [TABLE_ENV]: props.table.tableName,
        // Stack traces through the bundled .map files (NodejsFunction does not set this).
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: lambdaBundling(),
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(this, `${name}Logs`, { retention: props.logRetention }),
    });
    if (route.access === 'write') props.table.grantReadWriteData(fn);
    else props.table.grantReadData(fn);
    return fn;
  }
}
