import { useMemo, useState } from 'react';
import { AppShell, Button, Card, Notice, TextField } from '../../ui/components.js';
import { languages, useI18n, type Language } from '../../ui/i18n.js';
import {
  demoSignIn,
  graphClient,
  roleOfToken,
  saveSession,
  savedSession,
  type ConsoleRole,
  type Session,
} from './graph.js';
import { ErrorNotice } from './ErrorNotice.js';
import { href, useRoute, type Route } from './route.js';
import { GraphContext } from './useGraph.js';
import { Home } from './pages/Home.js';
import { Campaigns } from './pages/Campaigns.js';
import { CampaignEditor } from './pages/CampaignEditor.js';
import { CampaignPerformance } from './pages/CampaignPerformance.js';
import { Members } from './pages/Members.js';
import { Rewards } from './pages/Rewards.js';
import { Segments } from './pages/Segments.js';
import { Imports } from './pages/Imports.js';
import { Webhooks } from './pages/Webhooks.js';
import { Exports } from './pages/Exports.js';
import { Program } from './pages/Program.js';
import { Wallets } from './pages/Wallets.js';
import { Referrals } from './pages/Referrals.js';
import { Messages } from './pages/Messages.js';
import { SessionContext } from './session.js';
import { Member } from './pages/Member.js';

export function App() {
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const graph = useMemo(() => (session ? graphClient(session.authorization) : undefined), [session]);
  const route = useRoute();
  const { t, language, setLanguage } = useI18n();

  const signOut = () => {
    saveSession(undefined);
    setSession(undefined);
  };
  const languagePicker = (
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
  );
  const section = (page: Route['page']) =>
    page === 'campaigns' || page === 'newCampaign' || page === 'campaign' || page === 'performance'
      ? 'campaigns'
      : page === 'members' || page === 'member'
        ? 'members'
        : page === 'rewards' ||
            page === 'segments' ||
            page === 'imports' ||
            page === 'webhooks' ||
            page === 'exports' ||
            page === 'program' ||
            page === 'wallets' ||
            page === 'referrals' ||
            page === 'messages'
          ? page
          : 'home';
  const nav = session
    ? [
        { href: href({ page: 'home' }), label: t('nav.home'), current: section(route.page) === 'home' },
        { href: href({ page: 'campaigns' }), label: t('nav.campaigns'), current: section(route.page) === 'campaigns' },
        { href: href({ page: 'rewards' }), label: t('nav.rewards'), current: section(route.page) === 'rewards' },
        { href: href({ page: 'segments' }), label: t('nav.segments'), current: section(route.page) === 'segments' },
        { href: href({ page: 'program' }), label: t('nav.program'), current: section(route.page) === 'program' },
        { href: href({ page: 'wallets' }), label: t('nav.wallets'), current: section(route.page) === 'wallets' },
        {
          href: href({ page: 'referrals' }),
          label: t('nav.referrals'),
          current: section(route.page) === 'referrals',
        },
        { href: href({ page: 'messages' }), label: t('nav.messages'), current: section(route.page) === 'messages' },
        { href: href({ page: 'exports' }), label: t('nav.exports'), current: section(route.page) === 'exports' },
        // Member data is for admins: marketers see campaigns and program figures, not people.
        ...(session.role === 'admin'
          ? [
              { href: href({ page: 'members' }), label: t('nav.members'), current: section(route.page) === 'members' },
              { href: href({ page: 'imports' }), label: t('nav.imports'), current: section(route.page) === 'imports' },
              {
                href: href({ page: 'webhooks' }),
                label: t('nav.webhooks'),
                current: section(route.page) === 'webhooks',
              },
            ]
          : []),
      ]
    : [];

  return (
    <AppShell
      appName={t('app.console')}
      nav={nav}
      skipLabel={t('skipToContent')}
      navLabel={t('nav.label')}
      aside={
        <>
          {languagePicker}
          {session && (
            <Button variant="ghost" onClick={signOut}>
              {t('signOut', { role: t(`role.${session.role}`) })}
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
        <SessionContext.Provider value={session}>
          <GraphContext.Provider value={graph}>
            <Page route={route} role={session.role} />
          </GraphContext.Provider>
        </SessionContext.Provider>
      )}
    </AppShell>
  );
}

function Page({ route, role }: { route: Route; role: ConsoleRole }) {
  const { t } = useI18n();
  if ((route.page === 'members' || route.page === 'member') && role !== 'admin') {
    return <Notice tone="info">{t('members.adminsOnly')}</Notice>;
  }
  if (route.page === 'imports' && role !== 'admin') return <Notice tone="info">{t('imports.adminsOnly')}</Notice>;
  if (route.page === 'webhooks' && role !== 'admin') return <Notice tone="info">{t('webhooks.adminsOnly')}</Notice>;
  switch (route.page) {
    case 'home':
      return <Home />;
    case 'campaigns':
      return <Campaigns />;
    case 'newCampaign':
      return <CampaignEditor />;
    case 'campaign':
      return <CampaignEditor key={route.id} id={route.id} />;
    case 'performance':
      return <CampaignPerformance id={route.id} />;
    case 'rewards':
      return <Rewards />;
    case 'segments':
      return <Segments />;
    case 'imports':
      return <Imports />;
    case 'webhooks':
      return <Webhooks />;
    case 'exports':
      return <Exports />;
    case 'program':
      return <Program />;
    case 'wallets':
      return <Wallets />;
    case 'referrals':
      return <Referrals />;
    case 'messages':
      return <Messages />;
    case 'members':
      return <Members />;
    case 'member':
      return <Member key={route.id} id={route.id} />;
    case 'notFound':
      return (
        <>
          <h1>{t('notFound.title')}</h1>
          <p>
            <a href={href({ page: 'home' })}>{t('notFound.home')}</a>
          </p>
        </>
      );
  }
}

function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState<ConsoleRole | 'token'>();
  const demo = async (role: ConsoleRole) => {
    setBusy(role);
    setError(undefined);
    try {
      onSignedIn(await demoSignIn(role));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="grid">
        <Card title={t('signIn.demoTitle')}>
          <p className="muted">{t('signIn.demoText')}</p>
          <div className="actions">
            <Button busy={busy === 'marketer'} onClick={() => void demo('marketer')}>
              {t('signIn.asMarketer')}
            </Button>
            <Button variant="secondary" busy={busy === 'admin'} onClick={() => void demo('admin')}>
              {t('signIn.asAdmin')}
            </Button>
          </div>
        </Card>
        <Card title={t('signIn.tokenTitle')}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const value = token.trim();
              if (!value) return;
              const authorization = value.startsWith('Bearer ') ? value : `Bearer ${value}`;
              const role = roleOfToken(authorization);
              if (!role) {
                setError(new Error(t('signIn.tokenRole')));
                return;
              }
              onSignedIn({ role, authorization });
            }}
          >
            <TextField
              label={t('signIn.token')}
              hint={t('signIn.tokenHint')}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              {t('signIn.useToken')}
            </Button>
          </form>
        </Card>
      </div>
      <Notice tone="info">{t('signIn.note')}</Notice>
    </>
  );
}
