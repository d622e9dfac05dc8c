/**
 * Task pane hosting: a private bucket that only CloudFront can read (origin access control),
 * served over HTTPS. The built pane (a directory, `addin/dist` by default) is uploaded on
 * deploy when it exists, together with `pokin-config.json` (the API URL and the hosted UI,
 * resolved at deploy time): the pane and the sign-in page read it at run time, so one build
 * serves every pemda. Until the pane build exists the stack deploys without it and says so.
 */
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods, Distribution, HeadersReferrerPolicy, HttpVersion, PriceClass, ResponseHeadersPolicy, SecurityPolicyProtocol, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { PANE_CONFIG_FILE, type PaneConfig } from '../../core/wire/pane.js';

export interface PokinPaneProps {
  paneDir: string;
  paneBuilt: boolean;
  domainName?: string;
  certificateArn?: string;
}

/** The pane's start page: SourceLocation in the manifest, and CloudFront's root object. */
export const PANE_PAGE = 'taskpane.html';

export const PANE_NOT_DEPLOYED = 'pokin:pane-not-deployed';

export class PokinPane extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://host`, without trailing slash: the origin CORS and OAuth redirects allow. */
  readonly origin: string;
  readonly deployed: boolean;
  private readonly paneDir: string;

  constructor(scope: Construct, id: string, props: PokinPaneProps) {
    super(scope, id);
    this.paneDir = props.paneDir;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Contents are a build output, but an automatic emptying would need one more Lambda
      // with delete rights; after `cdk destroy` the (small) bucket is removed by hand.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Like the managed SECURITY_HEADERS policy minus X-Frame-Options: Excel on the web shows
    // the pane in an iframe of another origin, which SAMEORIGIN/DENY would blank out.
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Pokin pane: HSTS, nosniff, referrer policy; framing allowed for Office hosts',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: false, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    const custom = props.domainName !== undefined && props.certificateArn !== undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Pokin task pane',
      defaultRootObject: PANE_PAGE,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // PriceClass 200 includes the Asian edge locations (Jakarta) at a lower price than All.
      priceClass: PriceClass.PRICE_CLASS_200,
      ...(custom ? {
        // Only a custom certificate lets us pick the TLS policy (the default one is fixed).
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        domainNames: [props.domainName as string],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn as string),
      } : {}),
    });
    this.origin = custom ? `https://${props.domainName}` : `https://${this.distribution.distributionDomainName}`;

    this.deployed = props.paneBuilt;
    if (!props.paneBuilt) {
      // No placeholder page: an empty site that clearly 404s beats a fake pane.
      Annotations.of(this).addWarningV2(PANE_NOT_DEPLOYED,
        `The task pane was NOT deployed: "${props.paneDir}" does not exist or is empty. ` +
        'Build the pane (or pass -c paneDir=<dir>) and deploy again.');
    }
  }

  /**
   * Uploads the pane and its run-time configuration (values known at deploy time: the API URL,
   * the hosted UI domain, the app client id). Called once the API and the user pool exist.
   */
  deploy(config: PaneConfig): void {
    if (!this.deployed) return;
    new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(this.paneDir), Source.jsonData(PANE_CONFIG_FILE, config)],
      destinationBucket: this.bucket,
      // Files from an older build that the new one no longer has are removed.
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
  }
}
