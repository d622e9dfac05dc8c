import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseOrigin, readConfig, slug } from '../../infra/lib/config.js';
import { synth, SYNTH_TIMEOUT_MS, testApp, type Synthesized } from './synth.js';

const config = (context: Record<string, unknown>) => readConfig(testApp(context).node, '/repo');
const CERT_US = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc';
const CERT_JKT = 'arn:aws:acm:ap-southeast-3:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc';

describe('readConfig', () => {
  it('has defaults that synthesize a dev stack', () => {
    const c = config({});
    expect(c).toMatchObject({ stage: 'dev', stackName: 'Pokin-pemda-contoh-dev', authDomainPrefix: 'pokin-pemda-contoh-dev', extraOrigins: [], paneDir: '/repo/addin/dist' });
  });

  it('derives names from the pemda and stage', () => {
    const c = config({ pemda: 'Kabupaten Bandung Barat', stage: 'prod' });
    expect(c.stackName).toBe('Pokin-kabupaten-bandung-barat-prod');
    expect(c.authDomainPrefix).toBe('pokin-kabupaten-bandung-barat-prod');
    expect(c.logRetentionDays).toBe(365);
    expect(slug('Kota Banda Aceh (Prov. Aceh)')).toBe('kota-banda-aceh-prov-aceh');
  });

  it('accepts origins as a comma list and rejects paths, http and wildcards', () => {
    expect(config({ allowedOrigins: 'https://localhost:3000, https://pokin.bandungbaratkab.go.id' }).extraOrigins)
      .toEqual(['https://localhost:3000', 'https://pokin.bandungbaratkab.go.id']);
    expect(parseOrigin('https://localhost:3000/')).toBe('https://localhost:3000');
    expect(() => parseOrigin('http://localhost:3000')).toThrow(ConfigError);
    expect(() => parseOrigin('https://x.go.id/taskpane.html')).toThrow(/origin only/);
    expect(() => parseOrigin('*')).toThrow(ConfigError);
  });

  it('rejects bad stages, domain prefixes, half-given domains and non-us-east-1 pane certificates', () => {
    expect(() => config({ stage: 'Prod!' })).toThrow(/stage/);
    expect(() => config({ authDomainPrefix: 'my-cognito-login' })).toThrow(/authDomainPrefix/);
    expect(() => config({ paneDomainName: 'pokin.example.go.id' })).toThrow(/go together/);
    expect(() => config({ paneDomainName: 'pokin.example.go.id', paneCertificateArn: CERT_JKT })).toThrow(/us-east-1/);
    expect(() => config({ logRetentionDays: 42 })).toThrow(/logRetentionDays/);
    expect(() => config({ pemdaName: 'Kabupaten Contoh' })).toThrow(/unknown context key\(s\) pemdaName/);
  });
});

describe('a production-like synth (custom domains, extra origin, built pane)', () => {
  let s: Synthesized;
  let paneDir: string;
  beforeAll(() => {
    paneDir = mkdtempSync(join(tmpdir(), 'pokin-pane-'));
    writeFileSync(join(paneDir, 'taskpane.html'), '<!doctype html><title>Pokin</title>');
    s = synth({
      pemda: 'Kabupaten Contoh', stage: 'prod', paneDir, allowedOrigins: 'https://localhost:3000',
      paneDomainName: 'pokin.contohkab.go.id', paneCertificateArn: CERT_US,
      apiDomainName: 'api.pokin.contohkab.go.id', apiCertificateArn: CERT_JKT,
    }, { cfnValidation: false });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => rmSync(paneDir, { recursive: true, force: true }));

  it('deploys the pane and invalidates CloudFront', () => {
    s.template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    s.template.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: true, DistributionPaths: ['/*'] });
    expect(s.template.toJSON().Outputs.PaneDeployed.Value).toBe('yes');
  });

  it('writes pokin-config.json beside the pane: the API URL and the hosted UI, resolved at deploy time', () => {
    const [deploy] = Object.values(s.resources).filter((r) => r.Type === 'Custom::CDKBucketDeployment');
    // Source.jsonData: a second source whose markers the deployment replaces with the stack's values.
    const sources = deploy.Properties?.SourceObjectKeys as unknown[];
    expect(sources.length).toBe(2);
    const markers = JSON.stringify(deploy.Properties?.SourceMarkers);
    // The hosted UI domain and the app client id are deploy-time values (markers); the API URL
    // of a custom domain is a literal already written into the JSON.
    expect(markers).toMatch(/"Ref":"AuthUserPoolHostedUi[0-9A-F]+"/);
    expect(markers).toMatch(/"Ref":"AuthUserPoolPaneClient[0-9A-F]+"/);
  });

  it('uses the custom origins for CORS and OAuth redirects, still never *', () => {
    const api = Object.values(s.resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Api');
    expect((api?.Properties?.CorsConfiguration as { AllowOrigins: string[] }).AllowOrigins)
      .toEqual(['https://pokin.contohkab.go.id', 'https://localhost:3000']);
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://pokin.contohkab.go.id/signin.html', 'https://localhost:3000/signin.html'],
    });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.pokin.contohkab.go.id' });
    expect(s.template.toJSON().Outputs.ApiUrl.Value).toBe('https://api.pokin.contohkab.go.id');
  });
});
