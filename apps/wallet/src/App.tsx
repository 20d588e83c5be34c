import { useEffect, useMemo, useState } from 'react';
import { AppShell, Button, Card, Notice, TextField } from '../../ui/components.js';
import { languages, useI18n, type Language } from '../../ui/i18n.js';
import { ErrorNotice } from './ErrorNotice.js';
import { demoSignIn, graphClient, saveSession, savedSession, type Session } from './graph.js';
import { WalletHome } from './WalletHome.js';

export function App() {
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const graph = useMemo(() => (session ? graphClient(session) : undefined), [session]);
  useEffect(() => () => graph?.dispose(), [graph]);
  const { t, language, setLanguage } = useI18n();

  const signOut = () => {
    saveSession(undefined);
    setSession(undefined);
  };
  const nav = session
    ? [
        { href: '#pay', label: t('wallet.nav.pay'), current: false },
        { href: '#card', label: t('wallet.nav.card'), current: false },
        { href: '#rewards', label: t('wallet.nav.rewards'), current: false },
        { href: '#history', label: t('wallet.nav.history'), current: false },
      ]
    : [];
  return (
    <AppShell
      appName={t('app.wallet')}
      nav={nav}
      skipLabel={t('skipToContent')}
      navLabel={t('wallet.nav.label')}
      aside={
        <>
          <select
            aria-label={t('language')}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {Object.entries(languages).map(([code, { name }]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {session && (
            <Button variant="ghost" onClick={signOut}>
              {t('wallet.signOut')}
            </Button>
          )}
        </>
      }
    >
      {!session || !graph ? (
        <SignIn
          onSignedIn={(next) => {
            saveSession(next);
            setSession(next);
          }}
        />
      ) : (
        <WalletHome graph={graph} customerId={session.customerId} />
      )}
    </AppShell>
  );
}

function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('ada@example.com');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <h1>{t('wallet.signIn.title')}</h1>
      {error !== undefined && <ErrorNotice error={error} />}
      <Card title={t('wallet.signIn.demoTitle')} className="wallet-sign-in">
        <p className="muted">{t('wallet.signIn.demoText')}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            setError(undefined);
            demoSignIn(email.trim()).then(onSignedIn, (failure: unknown) => {
              setError(failure);
              setBusy(false);
            });
          }}
        >
          <TextField
            label={t('wallet.signIn.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <Button type="submit" busy={busy}>
            {t('wallet.signIn.submit')}
          </Button>
        </form>
      </Card>
      <Notice tone="info">{t('signIn.note')}</Notice>
    </>
  );
}
