import { useEffect, useMemo, useState } from 'react';
import { AppShell, Button, Card, Notice, SelectField, TextField } from '../../ui/components.js';
import { languages, useI18n, type Language } from '../../ui/i18n.js';
import { PosProgramDocument } from '../sdk/graphql.js';
import { ErrorNotice } from './ErrorNotice.js';
import {
  demoSignIn,
  graphClient,
  knownStores,
  saveSession,
  savedSession,
  storeName,
  storeOfToken,
  type Session,
} from './graph.js';
import { Till } from './Till.js';
import { GraphContext } from './useGraph.js';

/** The till: signed in as an associate of one store, it serves one customer after another. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const graph = useMemo(() => (session ? graphClient(session.authorization) : undefined), [session]);
  const [currency, setCurrency] = useState<string>();
  const [error, setError] = useState<unknown>();
  const { t, language, setLanguage } = useI18n();

  useEffect(() => {
    if (!graph) return;
    let current = true;
    setCurrency(undefined);
    setError(undefined);
    graph.request(PosProgramDocument, {}).then(
      ({ campaignProgram }) => current && setCurrency(campaignProgram.currency),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [graph]);

  const signOut = () => {
    saveSession(undefined);
    setSession(undefined);
  };
  return (
    <AppShell
      appName={session ? t('pos.appAt', { store: storeName(session.storeId) }) : t('pos.app')}
      nav={[]}
      skipLabel={t('skipToContent')}
      navLabel={t('pos.navLabel')}
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
              {t('pos.signOut')}
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
      ) : error !== undefined ? (
        <ErrorNotice error={error} />
      ) : !currency ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        <GraphContext.Provider value={graph}>
          <Till key={session.authorization} storeId={session.storeId} currency={currency} />
        </GraphContext.Provider>
      )}
    </AppShell>
  );
}

/** Sign-in: the store picker (`?store=` chooses one) with a demo associate token, or a token that names its store. */
function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const [stores, setStores] = useState<string[]>();
  const [storeId, setStoreId] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void knownStores().then((list) => {
      const wanted = new URLSearchParams(window.location.search).get('store');
      // The store in the address, else the program's first store.
      const all = wanted && !list.includes(wanted) ? [wanted, ...list] : list;
      setStores(all);
      setStoreId(wanted || all[0] || '');
    });
  }, []);
  const demo = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await demoSignIn(storeId));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('pos.signIn.title')}</h1>
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="grid">
        <Card title={t('pos.signIn.demoTitle')}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (storeId) void demo();
            }}
          >
            <p className="muted">{t('pos.signIn.demoText')}</p>
            {stores && stores.length > 0 ? (
              <SelectField
                label={t('pos.signIn.store')}
                value={storeId}
                onChange={(event) => setStoreId(event.target.value)}
                options={stores.map((id) => ({ value: id, label: storeName(id) }))}
              />
            ) : (
              stores && <Notice tone="info">{t('pos.signIn.noStores')}</Notice>
            )}
            <Button type="submit" busy={busy} disabled={!storeId}>
              {t('pos.signIn.asAssociate')}
            </Button>
          </form>
        </Card>
        <Card title={t('pos.signIn.tokenTitle')}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const value = token.trim();
              if (!value) return;
              const authorization = value.startsWith('Bearer ') ? value : `Bearer ${value}`;
              const store = storeOfToken(authorization);
              if (!store) {
                setError(new Error(t('pos.signIn.tokenRole')));
                return;
              }
              onSignedIn({ storeId: store, authorization });
            }}
          >
            <TextField
              label={t('pos.signIn.token')}
              hint={t('pos.signIn.tokenHint')}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              {t('pos.signIn.useToken')}
            </Button>
          </form>
        </Card>
      </div>
      <Notice tone="info">{t('signIn.note')}</Notice>
    </>
  );
}
