/**
 * The whole Pokin deployment for one pemda and stage: table, users, API, task pane hosting,
 * and the outputs an IT team needs afterwards (manifest generation, user creation).
 */
import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PokinApi } from './api.js';
import { PokinAuth } from './auth.js';
import type { PokinConfig } from './config.js';
import { PokinData } from './data.js';
import { PokinPane } from './pane.js';

export interface PokinStackProps extends StackProps {
  config: PokinConfig;
}

export class PokinStack extends Stack {
  readonly data: PokinData;
  readonly auth: PokinAuth;
  readonly api: PokinApi;
  readonly pane: PokinPane;

  constructor(scope: Construct, id: string, props: PokinStackProps) {
    super(scope, id, {
      description: `Pokin (pohon kinerja SAKIP) for ${props.config.pemda}, stage ${props.config.stage}`,
      ...props,
    });
    const c = props.config;
    Tags.of(this).add('project', 'pokin');
    Tags.of(this).add('pokin:pemda', c.pemda);
    Tags.of(this).add('pokin:stage', c.stage);

    this.data = new PokinData(this, 'Data');
    this.pane = new PokinPane(this, 'Pane', {
      paneDir: c.paneDir, paneBuilt: c.paneBuilt, domainName: c.paneDomainName, certificateArn: c.paneCertificateArn,
    });
    // The pane's own origin first; extras (e.g. https://localhost:3000 for development)
    // are opt-in through the allowedOrigins context.
    const origins = [this.pane.origin, ...c.extraOrigins.filter((o) => o !== this.pane.origin)];
    this.auth = new PokinAuth(this, 'Auth', { origins, domainPrefix: c.authDomainPrefix });
    this.api = new PokinApi(this, 'Api', {
      table: this.data.table, userPool: this.auth.userPool, client: this.auth.client, origins,
      logRetention: c.logRetentionDays, domainName: c.apiDomainName, certificateArn: c.apiCertificateArn,
    });

    // The pane's run-time configuration: one build, every pemda (core/wire/pane.ts).
    this.pane.deploy({
      api: this.api.url,
      auth: { domain: this.auth.domain.baseUrl(), clientId: this.auth.client.userPoolClientId },
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the Pokin API (npm run manifest -- --api)' });
    new CfnOutput(this, 'PaneUrl', { value: this.pane.origin, description: 'Origin of the task pane (npm run manifest -- --origin)' });
    new CfnOutput(this, 'PaneDeployed', {
      value: this.pane.deployed ? 'yes' : 'NO: the pane build directory was missing or empty at synth time; build the pane and deploy again',
    });
    new CfnOutput(this, 'PaneBucket', { value: this.pane.bucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: this.auth.domain.baseUrl(), description: 'Cognito hosted UI (sign-in)' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
