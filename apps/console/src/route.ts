import { useEffect, useState } from 'react';

/** The console's pages, addressed by the URL's hash (`#/campaigns/42`), so any static host serves it. */
export type Route =
  | { page: 'home' }
  | { page: 'campaigns' }
  | { page: 'newCampaign' }
  | { page: 'campaign'; id: string }
  | { page: 'performance'; id: string }
  | { page: 'rewards' }
  | { page: 'segments' }
  | { page: 'imports' }
  | { page: 'webhooks' }
  | { page: 'exports' }
  | { page: 'program' }
  | { page: 'wallets' }
  | { page: 'referrals' }
  | { page: 'messages' }
  | { page: 'members' }
  | { page: 'member'; id: string }
  | { page: 'notFound' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (!first) return { page: 'home' };
  if (first === 'campaigns' && !second) return { page: 'campaigns' };
  if (first === 'campaigns' && second === 'new') return { page: 'newCampaign' };
  if (first === 'campaigns' && second && third === 'performance') return { page: 'performance', id: second };
  if (first === 'campaigns' && second && !third) return { page: 'campaign', id: second };
  if (first === 'rewards' && !second) return { page: 'rewards' };
  if (first === 'segments' && !second) return { page: 'segments' };
  if (first === 'imports' && !second) return { page: 'imports' };
  if (first === 'webhooks' && !second) return { page: 'webhooks' };
  if (first === 'exports' && !second) return { page: 'exports' };
  if (first === 'program' && !second) return { page: 'program' };
  if (first === 'wallets' && !second) return { page: 'wallets' };
  if (first === 'referrals' && !second) return { page: 'referrals' };
  if (first === 'messages' && !second) return { page: 'messages' };
  if (first === 'members' && !second) return { page: 'members' };
  if (first === 'members' && second) return { page: 'member', id: second };
  return { page: 'notFound' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'campaigns':
      return '#/campaigns';
    case 'newCampaign':
      return '#/campaigns/new';
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}`;
    case 'performance':
      return `#/campaigns/${encodeURIComponent(route.id)}/performance`;
    case 'rewards':
      return '#/rewards';
    case 'segments':
      return '#/segments';
    case 'imports':
      return '#/imports';
    case 'webhooks':
      return '#/webhooks';
    case 'exports':
      return '#/exports';
    case 'program':
      return '#/program';
    case 'wallets':
      return '#/wallets';
    case 'referrals':
      return '#/referrals';
    case 'messages':
      return '#/messages';
    case 'members':
      return '#/members';
    case 'member':
      return `#/members/${encodeURIComponent(route.id)}`;
    case 'notFound':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      // A new page: focus its main region, as a page load would.
      document.getElementById('main')?.focus();
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
