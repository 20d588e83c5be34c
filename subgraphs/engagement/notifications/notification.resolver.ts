import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import type { Connection } from '../../../runtime/pagination/connection';
import { toConnection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import type { EngagementContext } from '../context';
import { Customer } from '../members/customer.type';
import { NotificationChannel, NotificationKind, placeholders, type NotificationStatus } from './notification.rules';
import { toResponse } from '../responses/messageResponse.resolver';
import type { MessageResponseKind } from '../responses/messageResponse.rules';
import { notificationStore, type NotificationWithResponses } from './notification.store';
import { builtInLanguages, builtInTemplate, commonPlaceholders, kindPlaceholders } from './notification.templates';
import {
  Notification,
  NotificationConnection,
  NotificationRunReport,
  NotificationTemplate,
  SetNotificationTemplateInput,
} from './notification.type';

/** SMS bodies longer than this would be split into several messages (and billed so). */
const maxShortBody = 480;
const maxBody = 5000;

const toNotification = (row: NotificationWithResponses): Notification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  channel: row.channel as NotificationChannel | null,
  status: row.status as NotificationStatus,
  reason: row.reason,
  language: row.language,
  recipient: row.recipient,
  subject: row.subject,
  body: row.body,
  attempts: row.attempts,
  provider: row.provider,
  lastError: row.last_error,
  sendAfter: row.send_after,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  responses: row.responses.map((response) =>
    toResponse({
      notification_id: row.id,
      response: response.response as MessageResponseKind,
      occurred_at: new Date(response.occurred_at),
      recorded_at: new Date(response.recorded_at),
    }),
  ),
});

function readPosition(after: string): string {
  const id = decodeCursor<string>(after, 'string');
  if (!isUuid(id)) throw userInputError('after is not a notifications cursor', { argument: 'after' });
  return id;
}

const allowedPlaceholders = (kind: NotificationKind) => [...commonPlaceholders, ...kindPlaceholders[kind]];

@Resolver(() => Customer)
export class NotificationResolver {
  @Authorized('member', 'admin', 'internal')
  @FieldResolver(() => NotificationConnection, {
    description:
      'Messages the program sent this member, or decided not to send (and why), newest first: the member and admins.',
  })
  async notifications(
    @Root() customer: Customer,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: EngagementContext,
  ): Promise<Connection<Notification>> {
    requireCustomerAccess(ctx.principal, customer.id, ['admin', 'internal']);
    checkPageSize(first);
    const rows = await notificationStore.page(ctx.db, customer.id, after ? readPosition(after) : null, first + 1);
    return toConnection(rows, first, (row) => row.id, toNotification);
  }

  @Authorized('marketer', 'admin')
  @Query(() => [NotificationTemplate], {
    description:
      'Every message text in use: the built-in ones (English, German) and those marketers set, per kind, channel and language.',
  })
  async notificationTemplates(@Ctx() ctx: EngagementContext): Promise<NotificationTemplate[]> {
    const custom = await notificationStore.templates(ctx.db);
    const languages = [...new Set([...builtInLanguages, ...custom.map((template) => template.language)])].sort();
    const templates: NotificationTemplate[] = [];
    for (const kind of Object.values(NotificationKind))
      for (const channel of Object.values(NotificationChannel))
        for (const language of languages) {
          const own = custom.find((t) => t.kind === kind && t.channel === channel && t.language === language);
          const text = own ?? builtInTemplate(kind, channel, language);
          templates.push({
            kind,
            channel,
            language,
            subject: text.subject,
            body: text.body,
            placeholders: allowedPlaceholders(kind),
            custom: own !== undefined,
            updatedAt: own?.updated_at ?? null,
          });
        }
    return templates;
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => NotificationTemplate, {
    description:
      "Sets the text of one kind of message on one channel in one language; placeholders are {{name}} from the kind's list. Messages decided from then on use it.",
  })
  async setNotificationTemplate(
    @Arg('input') input: SetNotificationTemplateInput,
    @Ctx() ctx: EngagementContext,
  ): Promise<NotificationTemplate> {
    const language = input.language.trim().toLowerCase();
    if (!/^[a-z]{2,3}$/.test(language))
      throw userInputError('language must be an ISO 639 code such as en or de', { argument: 'input.language' });
    const body = input.body.trim();
    const limit = input.channel === NotificationChannel.EMAIL ? maxBody : maxShortBody;
    if (body === '' || body.length > limit)
      throw userInputError(`body must have 1 to ${limit} characters on ${input.channel}`, { argument: 'input.body' });
    const subject = input.channel === NotificationChannel.EMAIL ? (input.subject?.trim() ?? '') : null;
    if (subject !== null && (subject === '' || subject.length > 200))
      throw userInputError('an EMAIL template needs a subject of 1 to 200 characters', { argument: 'input.subject' });
    const allowed = allowedPlaceholders(input.kind);
    for (const [argument, text] of [
      ['input.subject', subject ?? ''],
      ['input.body', body],
    ] as const) {
      const unknown = placeholders(text).filter((name) => !allowed.includes(name));
      if (unknown.length > 0)
        throw userInputError(
          `{{${unknown[0]}}} is not a value of ${input.kind} messages; use ${allowed.map((n) => `{{${n}}}`).join(', ')}`,
          { argument },
        );
    }
    const updatedAt = await notificationStore.saveTemplate(
      ctx.db,
      { kind: input.kind, channel: input.channel, language, subject, body },
      actorOf(ctx.principal),
    );
    return {
      kind: input.kind,
      channel: input.channel,
      language,
      subject,
      body,
      placeholders: allowed,
      custom: true,
      updatedAt,
    };
  }

  @Authorized('admin')
  @Mutation(() => NotificationRunReport, {
    description:
      'Reads new events and sends due messages now, instead of at the next interval, then records the redemptions of the vouchers messages carried.',
  })
  async runNotifications(@Ctx() ctx: EngagementContext): Promise<NotificationRunReport> {
    const report = await ctx.notifications.run();
    const voucherEvents = await ctx.responses.run();
    return { ...report, voucherEventsRead: voucherEvents.events };
  }
}
