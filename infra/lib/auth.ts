/**
 * Cognito (ARCHITECTURE §5): who may sign in, in which role, for which pemda and OPD.
 * Users are created by the pemda's administrators (no self sign-up); the pane signs in with
 * the authorization code flow + PKCE through the hosted UI, as a public client (no secret:
 * a secret in a browser pane is not a secret).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery, CfnUserPoolClient, CfnUserPoolGroup, ClientAttributes, FeaturePlan, Mfa, OAuthScope, StringAttribute,
  UserPool, UserPoolClient, UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { SIGNIN_PATH } from '../../core/wire/pane.js';

/** The groups the handlers understand (functions/auth/principal.ts ROLES). */
export const GROUPS = {
  perencana: 'Perencana OPD: mengirim pohon kinerja OPD-nya sendiri (custom:kode_opd).',
  organisasi: 'Bagian Organisasi: membaca semua OPD pemda ini dan menelaah (terima/kembalikan).',
  bappeda: 'Bappeda: pemilik pohon kinerja pemda (opd = PEMDA), membaca semua OPD.',
  admin: 'Administrator: membaca semua OPD pemda ini.',
} as const;

/** Custom attributes, as claims `custom:pemda` and `custom:kode_opd` in the ID token. */
export const CUSTOM_ATTRIBUTES = ['pemda', 'kode_opd'] as const;

/**
 * Pages of the task pane that the hosted UI redirects to: the sign-in dialog page itself
 * (SIGNIN_PATH, shared with the pane so the redirect URI it sends is the one allowed here; it
 * exchanges the code and hands the token back with messageParent) and the page after sign-out.
 */
export const AUTH_CALLBACK_PATH = SIGNIN_PATH;
export const LOGOUT_PATH = '/taskpane.html';

export interface PokinAuthProps {
  /** Origins of the pane (and any extra development origins), without trailing slash. */
  origins: string[];
  domainPrefix: string;
}

export class PokinAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: PokinAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { fullname: { required: false, mutable: true } },
      customAttributes: {
        // Mutable so an admin can move a user (AdminUpdateUserAttributes); users themselves
        // cannot, because the app client below has no write permission on them.
        pemda: new StringAttribute({ minLen: 2, maxLen: 5, mutable: true }),
        kode_opd: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      // Authenticator apps only: SMS needs an SNS role, a spend limit and costs per message.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // LITE covers the classic hosted UI and the code flow; a pemda stays within its free tier.
      featurePlan: FeaturePlan.LITE,
      deletionProtection: true,
      // The users and their role assignments are not rebuildable from code.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [name, description] of Object.entries(GROUPS)) {
      new CfnUserPoolGroup(this, `Group-${name}`, { userPoolId: this.userPool.userPoolId, groupName: name, description });
    }

    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    this.client = this.userPool.addClient('PaneClient', {
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.origins.map((o) => `${o}${AUTH_CALLBACK_PATH}`),
        logoutUrls: props.origins.map((o) => `${o}${LOGOUT_PATH}`),
      },
      // The handlers authorize from the ID token's custom claims: it must be readable...
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      // ...but never writable by the user: a perencana must not pick another OPD or pemda.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // Tokens live in the pane's memory only; a working day is enough.
      refreshTokenValidity: Duration.hours(12),
    });
    // No direct password, SRP or custom auth through this client: sign-in happens only in
    // the hosted UI (which needs none of these), and the client just refreshes tokens.
    // UserPoolClient omits ExplicitAuthFlows when none is enabled, and Cognito then allows
    // SRP and custom auth by default, hence the override.
    (this.client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
  }
}
