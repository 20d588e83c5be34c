import { NotificationChannel, NotificationKind } from './notification.rules';

export interface MessageTemplate {
  /** Email only (SMS and push carry the body alone). */
  subject: string | null;
  body: string;
}

/** Values every template may use, whatever its kind. */
export const commonPlaceholders = ['brand', 'givenName'] as const;

/** The values each kind adds, for templates and for checking a marketer's template. */
export const kindPlaceholders: Record<NotificationKind, readonly string[]> = {
  [NotificationKind.POINTS_EARNED]: ['points', 'channel', 'store', 'where'],
  [NotificationKind.REWARD_AFFORDABLE]: ['reward', 'cost', 'balance'],
  [NotificationKind.VOUCHER_ISSUED]: ['reward', 'validUntil'],
  [NotificationKind.TIER_CHANGED]: ['tier', 'fromTier'],
  [NotificationKind.POINTS_EXPIRING]: ['points', 'expiresOn'],
  [NotificationKind.BIRTHDAY]: [],
  [NotificationKind.ABSENCE_OFFER]: ['offer', 'trigger', 'points'],
};

/** Where a purchase happened, in the member's language ("in store berlin-1", "online"). */
export function purchasePlace(language: string, channel: string, store: string): string {
  const words = language === 'de' ? placeWords.de : placeWords.en;
  if (channel === 'IN_STORE') return store ? `${words.store} ${store}` : words.anyStore;
  return words[channel as 'ONLINE' | 'MOBILE_APP'] ?? `${words.via} ${channel}`;
}

const placeWords = {
  en: { store: 'in store', anyStore: 'in store', ONLINE: 'online', MOBILE_APP: 'in the app', via: 'via' },
  de: { store: 'in der Filiale', anyStore: 'in der Filiale', ONLINE: 'online', MOBILE_APP: 'in der App', via: 'über' },
};

type Texts = Record<NotificationKind, { subject: string; long: string; short: string }>;

// One voice on every channel: the email says it in full, SMS and push say the same thing briefly.
const english: Texts = {
  [NotificationKind.POINTS_EARNED]: {
    subject: 'You earned {{points}} points',
    long: 'Hi {{givenName}},\n\nthank you for shopping {{where}}. You earned {{points}} points with this purchase.\n\nSee you soon,\n{{brand}}',
    short: '{{brand}}: +{{points}} points for your purchase {{where}}.',
  },
  [NotificationKind.REWARD_AFFORDABLE]: {
    subject: '{{reward}} is yours to redeem',
    long: 'Hi {{givenName}},\n\nwith {{balance}} points you can now redeem {{reward}} ({{cost}} points), in store, online or in the app.\n\n{{brand}}',
    short: '{{brand}}: you can now redeem {{reward}} for {{cost}} points.',
  },
  [NotificationKind.VOUCHER_ISSUED]: {
    subject: 'Your voucher for {{reward}}',
    long: 'Hi {{givenName}},\n\nyour voucher for {{reward}} is ready in your account. It is valid until {{validUntil}}.\n\n{{brand}}',
    short: '{{brand}}: your voucher for {{reward}} is ready, valid until {{validUntil}}.',
  },
  [NotificationKind.TIER_CHANGED]: {
    subject: 'You are now {{tier}}',
    long: 'Hi {{givenName}},\n\nyour membership level is now {{tier}}.\n\n{{brand}}',
    short: '{{brand}}: your membership level is now {{tier}}.',
  },
  [NotificationKind.POINTS_EXPIRING]: {
    subject: '{{points}} points expire on {{expiresOn}}',
    long: 'Hi {{givenName}},\n\n{{points}} of your points expire on {{expiresOn}}. Redeem them before then, in store, online or in the app.\n\n{{brand}}',
    short: '{{brand}}: {{points}} points expire on {{expiresOn}}.',
  },
  [NotificationKind.BIRTHDAY]: {
    subject: 'Happy birthday, {{givenName}}!',
    long: 'Hi {{givenName}},\n\nhappy birthday from all of us. Your birthday treat is waiting in your account.\n\n{{brand}}',
    short: '{{brand}}: happy birthday, {{givenName}}! Your treat is waiting in your account.',
  },
  [NotificationKind.ABSENCE_OFFER]: {
    subject: 'Something for you: {{offer}}',
    long: 'Hi {{givenName}},\n\nwe have kept something for you: {{offer}}. It is waiting in your account, in store, online or in the app.\n\n{{brand}}',
    short: '{{brand}}: something for you, {{offer}}. It is waiting in your account.',
  },
};

const german: Texts = {
  [NotificationKind.POINTS_EARNED]: {
    subject: 'Sie haben {{points}} Punkte gesammelt',
    long: 'Hallo {{givenName}},\n\ndanke für Ihren Einkauf {{where}}. Dafür haben Sie {{points}} Punkte gesammelt.\n\nBis bald,\n{{brand}}',
    short: '{{brand}}: +{{points}} Punkte für Ihren Einkauf {{where}}.',
  },
  [NotificationKind.REWARD_AFFORDABLE]: {
    subject: '{{reward}} können Sie jetzt einlösen',
    long: 'Hallo {{givenName}},\n\nmit {{balance}} Punkten können Sie jetzt {{reward}} ({{cost}} Punkte) einlösen, in der Filiale, online oder in der App.\n\n{{brand}}',
    short: '{{brand}}: Sie können jetzt {{reward}} für {{cost}} Punkte einlösen.',
  },
  [NotificationKind.VOUCHER_ISSUED]: {
    subject: 'Ihr Gutschein für {{reward}}',
    long: 'Hallo {{givenName}},\n\nIhr Gutschein für {{reward}} liegt in Ihrem Konto bereit. Er gilt bis {{validUntil}}.\n\n{{brand}}',
    short: '{{brand}}: Ihr Gutschein für {{reward}} ist bereit, gültig bis {{validUntil}}.',
  },
  [NotificationKind.TIER_CHANGED]: {
    subject: 'Ihr neuer Status: {{tier}}',
    long: 'Hallo {{givenName}},\n\nIhr Mitgliedsstatus ist jetzt {{tier}}.\n\n{{brand}}',
    short: '{{brand}}: Ihr Mitgliedsstatus ist jetzt {{tier}}.',
  },
  [NotificationKind.POINTS_EXPIRING]: {
    subject: '{{points}} Punkte verfallen am {{expiresOn}}',
    long: 'Hallo {{givenName}},\n\n{{points}} Ihrer Punkte verfallen am {{expiresOn}}. Lösen Sie sie vorher ein, in der Filiale, online oder in der App.\n\n{{brand}}',
    short: '{{brand}}: {{points}} Punkte verfallen am {{expiresOn}}.',
  },
  [NotificationKind.BIRTHDAY]: {
    subject: 'Alles Gute zum Geburtstag, {{givenName}}!',
    long: 'Hallo {{givenName}},\n\nalles Gute zum Geburtstag! Ihr Geburtstagsgeschenk wartet in Ihrem Konto.\n\n{{brand}}',
    short: '{{brand}}: alles Gute zum Geburtstag, {{givenName}}! Ihr Geschenk wartet in Ihrem Konto.',
  },
  [NotificationKind.ABSENCE_OFFER]: {
    subject: 'Etwas für Sie: {{offer}}',
    long: 'Hallo {{givenName}},\n\nwir haben etwas für Sie: {{offer}}. Es wartet in Ihrem Konto, in der Filiale, online oder in der App.\n\n{{brand}}',
    short: '{{brand}}: etwas für Sie, {{offer}}. Es wartet in Ihrem Konto.',
  },
};

const builtIn: Record<string, Texts> = { en: english, de: german };

/** The languages with built-in texts; another language falls back to English unless a marketer adds it. */
export const builtInLanguages = Object.keys(builtIn);

/** The built-in text of a kind on a channel, in `language` or else English. */
export function builtInTemplate(
  kind: NotificationKind,
  channel: NotificationChannel,
  language: string,
): MessageTemplate {
  const texts = (builtIn[language] ?? english)[kind];
  return channel === NotificationChannel.EMAIL
    ? { subject: texts.subject, body: texts.long }
    : { subject: null, body: texts.short };
}
