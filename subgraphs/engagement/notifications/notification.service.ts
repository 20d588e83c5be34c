import { randomUUID } from 'node:crypto';
import type { Database } from '../../../runtime/database/database';
import { consumerCursor } from '../../../runtime/events/consumerCursor';
import { appendEvent } from '../../../runtime/events/outbox';
import { typesOf } from '../../../runtime/events/eventContract';
import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { ledgerEvents } from '../../ledger/contract/events';
import { followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { retryDelayMs } from '../../../runtime/jobs/backoff';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { engagementEvents } from '../contract/events';
import type { MemberView } from '../members/memberView';
import { memberViewStore } from '../members/memberView.store';
import type { ProfileMembers } from '../upstream/profileMembers';
import type { RewardCatalog } from '../upstream/rewardCatalog';
import type { ProgramEventSource } from '../upstream/programEvents';
import {
  chooseChannel,
  intentFor,
  newlyAffordable,
  notificationEvents,
  type NotificationChannel,
  NotificationKind,
  NotificationStatus,
  render,
  sendTime,
  templateLanguage,
  type NotificationIntent,
  type QuietHours,
} from './notification.rules';
import { builtInTemplate, purchasePlace } from './notification.templates';
import { memberFacts, notificationStore, type MemberFacts, type NotificationRow } from './notification.store';
import { LogProvider, type NotificationProvider, type NotificationProviders } from './notificationProviders';

export interface NotificationSettings {
  /** A provider per channel; a channel without one logs its messages instead (development). */
  providers?: NotificationProviders;
  /** SMS and push wait until these end. Default none. */
  quietHours?: QuietHours | null;
  /** The program's name, signed under every message. */
  brand?: string;
  /**
   * How often events are read and due messages sent without a wake-up (0: only on request, and no
   * wake-ups). A safety net: the followed outboxes' `NOTIFY` and the next message's due time wake it.
   */
  intervalMs?: number;
  /** Attempts per message before it is FAILED. */
  maxAttempts?: number;
  /** The wait after the first refused attempt, doubling after each (up to an hour). */
  retryBaseMs?: number;
}

export const defaultNotificationSettings = {
  brand: 'Loyalty Graph',
  intervalMs: 30_000,
  maxAttempts: 5,
  retryBaseMs: 60_000,
} satisfies NotificationSettings;

export interface NotificationReport {
  eventsRead: number;
  /** Messages decided (to send, or suppressed) in this run. */
  decided: number;
  sent: number;
  refused: number;
}

/** The event types each outbox contributes (see notificationEvents). */
const followedTypes: Partial<Record<ProgramEventSource['name'], readonly string[]>> = Object.fromEntries(
  Object.entries(notificationEvents).map(([source, contracts]) => [source, typesOf(contracts)]),
);
const batchSize = 200;
/** The notifications' cursor of one service's outbox in `engagement.consumer_cursors`. */
export const notificationCursor = (source: ProgramEventSource['name']) => `notifications:${source}`;
/** Birthdays asked of the profile at once. */
const birthdayPage = 500;
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const sendBatch = 50;
/** Messages handed to providers at once (the SMTP pool keeps 5 connections). */
const sendConcurrency = 10;
/** A message SENDING longer than this was interrupted (its sender stopped). */
const interruptedAfterMs = 10 * 60_000;

/**
 * Speaks to members about what happened to them: follows the program's outboxes from saved cursors,
 * decides each message once per event (consent, preferred channel, language, quiet hours) in the
 * transaction that advances the cursor, and sends due messages through the channel's provider.
 */
export class NotificationService {
  private readonly job: PeriodicJob<NotificationReport>;
  private readonly providers: Required<NotificationProviders>;
  private readonly settings: NotificationSettings & typeof defaultNotificationSettings;

  constructor(
    private readonly db: Database,
    private readonly sources: readonly ProgramEventSource[],
    private readonly catalog: RewardCatalog,
    private readonly members: ProfileMembers,
    /** Consent, merges and erasures as engagement read them from the profile's outbox. */
    private readonly memberView: MemberView,
    settings: NotificationSettings,
    private readonly logger: Logger,
    private readonly clock: () => Date,
    /** With `nats`, woken by the streams' messages (the sources then read them: `programEventSources`). */
    eventTransport?: EventTransport,
  ) {
    const fallback = new LogProvider(logger);
    this.providers = {
      EMAIL: settings.providers?.EMAIL ?? fallback,
      SMS: settings.providers?.SMS ?? fallback,
      PUSH: settings.providers?.PUSH ?? fallback,
    };
    this.settings = { ...defaultNotificationSettings, ...settings };
    const followed = Object.fromEntries(
      sources.flatMap((source) => (followedTypes[source.name] ? [[source.name, followedTypes[source.name]!]] : [])),
    );
    this.job = new PeriodicJob(
      'notifications',
      () => this.runOnce(),
      logger,
      followerWakeUps(eventTransport, db, followed),
    );
  }

  start(): Promise<void> {
    return this.job.start(this.settings.intervalMs);
  }

  async stop(): Promise<void> {
    await this.job.stop();
    await Promise.all(Object.values(this.providers).map((provider: NotificationProvider) => provider.close?.()));
  }

  /** Reads new events, decides their messages, and sends what is due; a call during a run joins it. */
  run(): Promise<NotificationReport> {
    return this.job.run();
  }

  private async runOnce(): Promise<NotificationReport> {
    const report: NotificationReport = { eventsRead: 0, decided: 0, sent: 0, refused: 0 };
    this.catalog.forget();
    // A service that is away holds back only its own events: the others are read, and messages
    // already decided are sent; the first failure is reported once the run is done.
    let failure: unknown;
    const attempt = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        failure ??= error;
      }
    };
    // Consent first: the view catches up with the profile's outbox before any message is decided,
    // so a member who just withdrew is not written to on an older answer. While the profile is away
    // nothing is decided (the events wait behind their cursors); decided messages are still sent.
    // Today's birthdays are read before that catch-up, so the consent a member gave before their
    // birthday was set is in the view when the birthday is decided, however long the run takes.
    let born: { year: number; customerIds: string[] } | undefined;
    await attempt(async () => {
      born = await this.bornToday();
    });
    let viewCurrent = false;
    await attempt(async () => {
      await this.memberView.run();
      viewCurrent = true;
    });
    if (viewCurrent) {
      for (const source of this.sources) {
        const types = followedTypes[source.name];
        if (types) await attempt(() => this.follow(source, types, report));
      }
      const bornToday = born;
      if (bornToday) {
        await attempt(async () => {
          report.decided += await this.birthdays(bornToday);
        });
      }
    }
    await this.sendDue(report);
    if (this.job.isStarted) {
      // Messages held back by quiet hours or waiting for a retry: a run when the next is due. One due
      // already was left by this run to another instance's claim.
      const next = await notificationStore.nextDue(this.db);
      const inMs = next ? next.getTime() - this.clock().getTime() : 0;
      if (inMs > 0) this.job.wake(inMs);
    }
    if (failure !== undefined) throw failure;
    return report;
  }

  private async follow(
    source: ProgramEventSource,
    types: readonly string[],
    report: NotificationReport,
  ): Promise<void> {
    const cursorName = notificationCursor(source.name);
    let cursor = await consumerCursor.read(this.db, 'engagement', cursorName);
    for (;;) {
      const batch = await source.after(cursor, batchSize, types);
      if (batch.length === 0) return;
      // Deciding reads the member and the catalog; the decisions and the cursor then commit together.
      const intents: Array<{ eventId: number; intent: NotificationIntent }> = [];
      for (const event of batch) {
        const intent = await this.intentOf(source.name, event);
        if (intent) intents.push({ eventId: event.id, intent });
      }
      const members = await this.membersOf(intents.map(({ intent }) => intent.customerId));
      const decided: Array<{ eventId: number; row: Parameters<typeof notificationStore.insert>[1] }> = [];
      for (const { eventId, intent } of intents) {
        const row = await this.decide(intent, members.get(intent.customerId) ?? null);
        if (row) decided.push({ eventId, row });
      }
      await this.db.transaction(async (tx) => {
        const committed = await consumerCursor.lock(tx, 'engagement', cursorName);
        for (const { eventId, row } of decided) {
          if (eventId > committed && (await notificationStore.insert(tx, row))) report.decided += 1;
        }
        await consumerCursor.advance(tx, 'engagement', cursorName, batch[batch.length - 1]!.id);
      });
      for (const event of batch) await source.acknowledge?.(event);
      report.eventsRead += batch.length;
      cursor = batch[batch.length - 1]!.id;
      // A stream hands over one event a call: read until it has none.
      if (batch.length < batchSize && !source.acknowledge) return;
    }
  }

  private async intentOf(source: ProgramEventSource['name'], event: UpstreamEvent): Promise<NotificationIntent | null> {
    if (source === 'ledger' && ledgerEvents.BalanceUpdated.is(event)) {
      const { customerId, balance, change } = ledgerEvents.BalanceUpdated.decode(event);
      if (!(change > 0)) return null;
      const reward = newlyAffordable(await this.catalog.active(), balance, change);
      if (!reward) return null;
      return {
        eventKey: `ledger:${event.id}:${NotificationKind.REWARD_AFFORDABLE}`,
        customerId,
        kind: NotificationKind.REWARD_AFFORDABLE,
        facts: { reward: reward.name, cost: reward.costPoints, balance },
      };
    }
    const intent = intentFor(source, event);
    if (intent?.kind === NotificationKind.VOUCHER_ISSUED) {
      const reward = await this.catalog.reward(String(intent.facts.rewardId));
      intent.facts.reward = reward?.name ?? '';
    }
    return intent;
  }

  /** The members behind ids (merged ids answer with their survivor): one profile call and one query for all. */
  private async membersOf(customerIds: readonly string[]): Promise<Map<string, MemberFacts>> {
    const profiles = await this.members.byIds(customerIds);
    const views = await memberViewStore.facts(
      this.db,
      [...profiles.values()].map((member) => member.id),
    );
    return new Map([...profiles].map(([askedId, member]) => [askedId, memberFacts(member, views.get(member.id))]));
  }

  /** The message for an intent: rendered for the member's channel and language, or suppressed and why. */
  private async decide(
    intent: NotificationIntent,
    member: MemberFacts | null,
  ): Promise<Parameters<typeof notificationStore.insert>[1] | null> {
    if (!member) return null;
    const language = templateLanguage(member.language);
    const now = this.clock();
    const base = {
      id: randomUUID(),
      event_key: intent.eventKey,
      customer_id: member.customerId,
      kind: intent.kind,
      language,
      campaign_key: intent.offer?.campaignKey ?? null,
      offer_key: intent.offer?.offerKey ?? null,
      reward_id: intent.offer?.rewardId ?? null,
      voucher_id: intent.offer?.voucherId ?? null,
    };
    const choice = chooseChannel(member);
    if (choice.channel === null) {
      return {
        ...base,
        channel: null,
        recipient: null,
        subject: null,
        body: null,
        status: NotificationStatus.SUPPRESSED,
        reason: choice.reason,
        send_after: now,
      };
    }
    const template =
      (await notificationStore.template(this.db, intent.kind, choice.channel, language)) ??
      builtInTemplate(intent.kind, choice.channel, language);
    const values: Record<string, string | number> = {
      ...intent.facts,
      brand: this.settings.brand,
      givenName: member.givenName,
    };
    if (intent.kind === NotificationKind.POINTS_EARNED)
      values.where = purchasePlace(language, String(intent.facts.channel), String(intent.facts.store));
    return {
      ...base,
      channel: choice.channel,
      recipient: choice.address,
      subject: template.subject === null ? null : render(template.subject, values),
      body: render(template.body, values),
      status: NotificationStatus.PENDING,
      reason: null,
      send_after: sendTime(now, choice.channel, this.settings.quietHours ?? null),
    };
  }

  /** The members born on this day (UTC), read page by page, with the year their message is for. */
  private async bornToday(): Promise<{ year: number; customerIds: string[] }> {
    const today = this.clock();
    const year = today.getUTCFullYear();
    const date = {
      month: today.getUTCMonth() + 1,
      day: today.getUTCDate(),
      leapYear: isLeapYear(year),
    };
    const born: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: string[] = await this.members.birthdays(date, after, birthdayPage);
      born.push(...page);
      if (page.length < birthdayPage) return { year, customerIds: born };
      after = page[page.length - 1]!;
    }
  }

  /** A birthday message for each of these members born today, once per year. */
  private async birthdays({
    year,
    customerIds: born,
  }: {
    year: number;
    customerIds: readonly string[];
  }): Promise<number> {
    const eventKey = (customerId: string) => `birthday:${customerId}:${year}`;
    let decided = 0;
    for (let at = 0; at < born.length; at += birthdayPage) {
      const waiting = await notificationStore.withoutMessage(this.db, born.slice(at, at + birthdayPage), eventKey);
      const members = await this.membersOf(waiting);
      for (const customerId of waiting) {
        const row = await this.decide(
          { eventKey: eventKey(customerId), customerId, kind: NotificationKind.BIRTHDAY, facts: {} },
          members.get(customerId) ?? null,
        );
        if (row && (await notificationStore.insert(this.db, row))) decided += 1;
      }
    }
    return decided;
  }

  private async sendDue(report: NotificationReport): Promise<void> {
    const now = this.clock();
    await notificationStore.failInterrupted(this.db, new Date(now.getTime() - interruptedAfterMs));
    for (;;) {
      const due = await this.db.transaction((tx) => notificationStore.claimDue(tx, now, sendBatch));
      for (let at = 0; at < due.length; at += sendConcurrency)
        await Promise.all(due.slice(at, at + sendConcurrency).map((message) => this.send(message, report)));
      if (due.length < sendBatch) return;
    }
  }

  private async send(message: NotificationRow, report: NotificationReport): Promise<void> {
    const provider = this.providers[message.channel as keyof NotificationProviders];
    let accepted: { providerMessageId: string | null };
    try {
      accepted = await provider.send({
        id: message.id,
        channel: message.channel as NotificationChannel,
        to: message.recipient ?? '',
        subject: message.subject,
        body: message.body ?? '',
        customerId: message.customer_id,
        kind: message.kind,
      });
    } catch (error) {
      const { maxAttempts, retryBaseMs } = this.settings;
      const retryAt =
        message.attempts < maxAttempts
          ? new Date(this.clock().getTime() + retryDelayMs(message.attempts, { baseMs: retryBaseMs }))
          : null;
      await notificationStore.markRefused(this.db, message.id, provider.name, String(error), retryAt);
      this.logger.warn('a notification provider refused a message', {
        notificationId: message.id,
        provider: provider.name,
        attempt: message.attempts,
        error: String(error),
      });
      report.refused += 1;
      return;
    }
    // Outside the try: once the provider took it, a failure to record that leaves the message
    // SENDING (then FAILED as interrupted), never PENDING to be sent again.
    await this.db.transaction(async (tx) => {
      const sent = await notificationStore.markSent(
        tx,
        message.id,
        provider.name,
        accepted.providerMessageId,
        this.clock(),
      );
      await appendEvent(
        tx,
        'engagement',
        engagementEvents.MessageSent.event(
          sent.customer_id,
          {
            messageId: sent.id,
            customerId: sent.customer_id,
            kind: sent.kind,
            channel: sent.channel,
            campaignKey: sent.campaign_key,
            rewardId: sent.reward_id,
            voucherId: sent.voucher_id,
            sentAt: sent.sent_at.toISOString(),
          },
          null,
        ),
      );
    });
    report.sent += 1;
  }
}
