/**
 * Sign-in. Inside Excel: the Office dialog (dev sign-in page locally, Cognito hosted UI with
 * PKCE in production). In preview: this in-page form against the local dev issuer
 * (`POST /dev/token`). Tokens stay in memory.
 */
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { claimsOf } from '../auth/pkce.js';
import { useLang, useT } from './i18n.js';
import { failureText } from './messages.js';

export interface SignInProps {
  token: string | null;
  defaults: { pemda: string; opd: string };
  /** Preview: ask the dev issuer; Office: open the dialog (role etc. chosen there). */
  onDevSignIn?: (req: { role: string; pemda: string; opd: string }) => Promise<void>;
  onDialogSignIn?: () => Promise<void>;
  onSignOut: () => void;
}

export function SignIn({ token, defaults, onDevSignIn, onDialogSignIn, onSignOut }: SignInProps) {
  const t = useT();
  const lang = useLang();
  const [role, setRole] = useState('perencana');
  const [pemda, setPemda] = useState(defaults.pemda);
  const [opd, setOpd] = useState(defaults.opd);
  const [error, setError] = useState<string | null>(null);
  if (token) {
    const c = claimsOf(token);
    return (
      <div className="pokin-row" data-testid="signed-in">
        <Text size={200}>{t('signedInAs')} <b>{String(c.sub ?? '')}</b></Text>
        <Button size="small" onClick={onSignOut}>{t('signOut')}</Button>
      </div>
    );
  }
  const go = (fn: () => Promise<void>) => { setError(null); fn().catch((e: unknown) => setError(failureText(e, lang))); };
  if (onDialogSignIn) {
    // A cancelled or refused sign-in comes back from the dialog as an error: say it here.
    return (
      <div className="pokin-form">
        <Button appearance="primary" onClick={() => go(onDialogSignIn)}>{t('signIn')}</Button>
        {error && <Text role="alert" data-testid="signin-error">{error}</Text>}
      </div>
    );
  }
  return (
    <form className="pokin-form" onSubmit={(e) => { e.preventDefault(); if (onDevSignIn) go(() => onDevSignIn({ role, pemda, opd })); }}>
      <Field label={t('role')}>
        <Select value={role} onChange={(_, d) => setRole(d.value)} data-testid="signin-role">
          {ROLES.map((r) => <option key={r.id} value={r.id}>{lang === 'en' ? r.en : r.name}</option>)}
        </Select>
      </Field>
      <Field label={t('kodePemda')}><Input value={pemda} onChange={(_, d) => setPemda(d.value)} /></Field>
      <Field label={t('kodeOpd')}><Input value={opd} onChange={(_, d) => setOpd(d.value)} /></Field>
      <Button appearance="primary" type="submit" data-testid="signin">{t('signIn')}</Button>
      {error && <Text role="alert" data-testid="signin-error">{error}</Text>}
    </form>
  );
}

/** The roles of the token (Cognito groups), named as their users know them. */
const ROLES = [
  { id: 'perencana', name: 'Perencana OPD', en: 'OPD planner' },
  { id: 'organisasi', name: 'Bagian Organisasi', en: 'Bagian Organisasi (review)' },
  { id: 'bappeda', name: 'Bappeda', en: 'Bappeda (pemda tree)' },
  { id: 'admin', name: 'Admin', en: 'Admin' },
] as const;
