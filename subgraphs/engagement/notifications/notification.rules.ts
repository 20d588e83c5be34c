import type { AnyEventContract, CommittedEvent } from '../../../runtime/events/eventContract';
import { campaignEvents, absenceGrantKey, isAbsenceGrantKey } from '../../campaign/contract/events';
import { ledgerEvents } from '../../ledger/contract/events';
import { rewardsEvents } from '../../rewards/contract/events';
import type { ProgramEventSource } from '../upstream/programEvents';

/** What a message is about; each has its own template per channel and language. */
export enum NotificationKind {
  POINTS_EARNED = 'POINTS_EARNED',
  REWARD_AFFORDABLE = 'REWARD_AFFORDABLE',
  VOUCHER_ISSUED = 'VOUCHER_ISSUED',
  TIER_CHANGED = 'TIER_CHANGED',
  POINTS_EXPIRING = 'POINTS_EXPIRING',
  BIRTHDAY = 'BIRTHDAY',
  /** An absence trigger fired: an abandoned cart's offer, a win-back. */
  ABSENCE_OFFER = 'ABSENCE_OFFER',
}

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
}

export enum NotificationStatus {
  /** Waiting to be sent (held back by quiet hours or a retry until `sendAfter`). */
  PENDING = 'PENDING',
  /** Handed to the provider; if the sender stopped here the message is never sent again. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** The provider refused it on every attempt, or the sender was interrupted mid-send. */
  FAILED = 'FAILED',
  /** Decided not to send: no consent, no address, or the member was erased. */
  SUPPRESSED = 'SUPPRESSED',
}

/** A message the program owes a member because of one event, before a channel is chosen. */
export interface NotificationIntent {
  /** Unique per event and kind: the message is decided once however often the event is read. */
  eventKey: string;
  customerId: string;
  kind: NotificationKind;
  /** The values templates may use, besides the member's own (`givenName`, `brand`). */
  facts: Record<string, string | number>;
  /** The offer the message carries, when it carries one: what its responses (REDEEMED) are followed by. */
  offer?: MessageOffer;
}

/** What a message offers: the campaign side's key it is for, and the voucher (or the grant that issues it). */
export interface MessageOffer {
  campaignKey: string | null;
  /** The key of the grant whose voucher the message announces before it is issued (an absence timer's). */
  offerKey: string | null;
  rewardId: string | null;
  voucherId: string | null;
}

/**
 * The events notifications read, by producer: balance changes for rewards that became affordable
 * (answered with the catalog, see NotificationService), the rest through `intentFor`.
 */
export const notificationEvents = {
  ledger: [
    ledgerEvents.PurchaseRecorded,
    ledgerEvents.TierChanged,
    ledgerEvents.PointsExpiring,
    ledgerEvents.BalanceUpdated,
  ],
  rewards: [rewardsEvents.RewardIssued],
  campaign: [campaignEvents.AbsenceTriggered],
} satisfies Partial<Record<ProgramEventSource['name'], readonly AnyEventContract[]>>;

/** A committed event of one of the followed outboxes. */
export interface NotificationEvent extends CommittedEvent {
  id: number;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const dateOnly = (value: string): string => value.slice(0, 10);

/**
 * The message an event calls for, if any, read with its producer's contract. Reward
 * affordability needs the catalog, so balance changes are answered by `newlyAffordable` instead.
 */
export function intentFor(source: ProgramEventSource['name'], event: NotificationEvent): NotificationIntent | null {
  const intent = (
    customerId: string,
    kind: NotificationKind,
    facts: NotificationIntent['facts'],
    offer?: MessageOffer,
  ): NotificationIntent | null =>
    customerId ? { eventKey: `${source}:${event.id}:${kind}`, customerId, kind, facts, ...(offer && { offer }) } : null;
  if (source === 'ledger' && ledgerEvents.PurchaseRecorded.is(event)) {
    const purchase = ledgerEvents.PurchaseRecorded.decode(event);
    if (!(purchase.pointsEarned > 0)) return null;
    return intent(purchase.customerId, NotificationKind.POINTS_EARNED, {
      points: purchase.pointsEarned,
      channel: purchase.channel,
      store: purchase.storeId ?? '',
    });
  }
  if (source === 'ledger' && ledgerEvents.TierChanged.is(event)) {
    const change = ledgerEvents.TierChanged.decode(event);
    return intent(change.customerId, NotificationKind.TIER_CHANGED, { fromTier: change.from, tier: change.to });
  }
  if (source === 'ledger' && ledgerEvents.PointsExpiring.is(event)) {
    const expiring = ledgerEvents.PointsExpiring.decode(event);
    return intent(expiring.customerId, NotificationKind.POINTS_EXPIRING, {
      points: expiring.points,
      expiresOn: dateOnly(expiring.expiresAt),
    });
  }
  if (source === 'rewards' && rewardsEvents.RewardIssued.is(event)) {
    const issued = rewardsEvents.RewardIssued.decode(event);
    // The absence trigger's own message announces its voucher: one message, not two.
    if (isAbsenceGrantKey(issued.grantKey)) return null;
    return intent(
      issued.customerId,
      NotificationKind.VOUCHER_ISSUED,
      { rewardId: issued.rewardId, validUntil: dateOnly(issued.expiresAt) },
      { campaignKey: null, offerKey: null, rewardId: issued.rewardId, voucherId: issued.voucherId },
    );
  }
  if (source === 'campaign' && campaignEvents.AbsenceTriggered.is(event)) {
    const fired = campaignEvents.AbsenceTriggered.decode(event);
    if (!fired.sendMessage) return null;
    return intent(
      fired.customerId,
      NotificationKind.ABSENCE_OFFER,
      { offer: fired.triggerName, trigger: fired.triggerKey, points: fired.bonusPoints },
      {
        campaignKey: fired.triggerKey,
        offerKey: fired.rewardId ? absenceGrantKey(fired.timerId) : null,
        rewardId: fired.rewardId,
        voucherId: null,
      },
    );
  }
  return null;
}

export interface CatalogReward {
  id: string;
  name: string;
  costPoints: number;
}

/**
 * After a balance rose from `balance - change` to `balance`: the dearest reward that was out of
 * reach before and is affordable now (one message, however many thresholds were crossed).
 */
export function newlyAffordable(
  catalog: readonly CatalogReward[],
  balance: number,
  change: number,
): CatalogReward | null {
  if (!(change > 0)) return null;
  const before = balance - change;
  let best: CatalogReward | null = null;
  for (const reward of catalog) {
    if (reward.costPoints > before && reward.costPoints <= balance && (!best || reward.costPoints > best.costPoints))
      best = reward;
  }
  return best;
}

/** What the sender knows of the member when it decides how to reach them. */
export interface Recipient {
  erased: boolean;
  preferredChannel: string | null;
  consents: Partial<Record<NotificationChannel, boolean>>;
  addresses: Partial<Record<NotificationChannel, string>>;
}

export type ChannelChoice =
  { channel: NotificationChannel; address: string } | { channel: null; reason: 'ERASED' | 'NO_CONSENT' | 'NO_ADDRESS' };

/** When no preference applies, the channels are tried in this order. */
const fallbackOrder = [NotificationChannel.EMAIL, NotificationChannel.PUSH, NotificationChannel.SMS];

/**
 * The preferred channel if the member consented to it and we can reach them there, else the first
 * consented channel with an address. Without any consent nothing is sent.
 */
export function chooseChannel(recipient: Recipient): ChannelChoice {
  if (recipient.erased) return { channel: null, reason: 'ERASED' };
  const preferred = fallbackOrder.find((channel) => channel === recipient.preferredChannel);
  const order = preferred ? [preferred, ...fallbackOrder.filter((c) => c !== preferred)] : fallbackOrder;
  const consented = order.filter((channel) => recipient.consents[channel] === true);
  if (consented.length === 0) return { channel: null, reason: 'NO_CONSENT' };
  for (const channel of consented) {
    const address = recipient.addresses[channel];
    if (address) return { channel, address };
  }
  return { channel: null, reason: 'NO_ADDRESS' };
}

/** Quiet hours in the program's time zone, e.g. 21:00 to 08:00 (`startMinute` > `endMinute` spans midnight). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** Quiet hours hold back the channels that buzz a phone; an email waits in the inbox. */
export const interruptingChannels: readonly NotificationChannel[] = [NotificationChannel.SMS, NotificationChannel.PUSH];

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

function minuteOfDay(at: Date, timeZone: string): number {
  let formatter = minuteFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

const dayMinutes = 24 * 60;

/** `at`, or the end of the quiet hours `at` falls in (to the minute). */
export function sendTime(at: Date, channel: NotificationChannel, quiet: QuietHours | null): Date {
  if (!quiet || !interruptingChannels.includes(channel) || quiet.startMinute === quiet.endMinute) return at;
  const minute = minuteOfDay(at, quiet.timeZone);
  const inQuiet =
    quiet.startMinute < quiet.endMinute
      ? minute >= quiet.startMinute && minute < quiet.endMinute
      : minute >= quiet.startMinute || minute < quiet.endMinute;
  if (!inQuiet) return at;
  const start = new Date(at);
  start.setUTCSeconds(0, 0);
  const wait = (quiet.endMinute - minute + dayMinutes) % dayMinutes;
  const end = start.getTime() + wait * 60_000;
  // Clocks that changed during the night move the local end by their shift: correct by it.
  const drift =
    ((quiet.endMinute - minuteOfDay(new Date(end), quiet.timeZone) + dayMinutes * 1.5) % dayMinutes) - dayMinutes / 2;
  return new Date(end + drift * 60_000);
}

/** Reads "21:00-08:00". */
export function parseQuietHours(value: string, timeZone: string): QuietHours | null {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return null;
  return { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2, timeZone };
}

/** Fills `{{name}}` placeholders; unknown names are left out, so a template can never leak a raw brace. */
export function render(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_, name: string) => text(values[name]));
}

/** The placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)].map((match) => match[1]!);
}

/** The template language for a member's BCP 47 tag: its primary subtag, e.g. "de" for de-AT. */
export function templateLanguage(tag: string | null): string {
  return (tag ?? 'en').split('-')[0]!.toLowerCase() || 'en';
}
