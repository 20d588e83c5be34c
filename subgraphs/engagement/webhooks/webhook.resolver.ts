import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import type { EngagementContext } from '../context';
import { maxReplayEvents, toWebhookDelivery } from './webhook.service';
import { WebhookDeliveryStatus } from './webhook.rules';
import {
  RegisterWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointSecret,
  WebhookReplay,
} from './webhook.type';
import { allEventTypes, webhookEventTypes } from './webhookEventTypes';

/** Integrations are set up by admins: endpoints, their secrets and the delivery log (customer data) are theirs alone. */
@Resolver()
export class WebhookResolver {
  @Authorized('admin')
  @Query(() => [String], {
    description: `The event types an endpoint may subscribe to (or "${allEventTypes}" for all).`,
  })
  webhookEventTypes(): string[] {
    return Object.values(webhookEventTypes).flat();
  }

  @Authorized('admin')
  @Query(() => [WebhookEndpoint], { description: 'Every registered webhook endpoint, oldest first.' })
  webhookEndpoints(@Ctx() ctx: EngagementContext): Promise<WebhookEndpoint[]> {
    return ctx.webhooks.endpoints();
  }

  @Authorized('admin')
  @Query(() => WebhookDeliveryConnection, {
    description: 'The webhook delivery log, newest first; status DEAD is the dead-letter list.',
  })
  async webhookDeliveries(
    @Arg('endpointId', () => ID, { nullable: true }) endpointId: string | null,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: EngagementContext,
  ): Promise<Connection<WebhookDelivery>> {
    checkPageSize(first);
    const beforeId = after ? decodeCursor<number>(after, 'number') : null;
    // type-graphql passes an omitted nullable argument as undefined.
    const filter = { endpointId: endpointId ?? null, status: status ?? null, beforeId };
    const rows = await ctx.webhooks.deliveries(filter, first + 1);
    return toConnection(rows, first, (row) => row.id, toWebhookDelivery);
  }

  @Authorized('admin')
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Registers an endpoint for event types; the answer holds its signing secret, shown this once. It gets the events from now on (earlier ones by replayWebhookEvents).',
  })
  registerWebhookEndpoint(
    @Arg('input') input: RegisterWebhookEndpointInput,
    @Ctx() ctx: EngagementContext,
  ): Promise<WebhookEndpointSecret> {
    return ctx.webhooks.register(input, actorOf(ctx.principal));
  }

  @Authorized('admin')
  @Mutation(() => WebhookEndpoint, { description: "Changes an endpoint's URL, event types or description." })
  updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateWebhookEndpointInput,
    @Ctx() ctx: EngagementContext,
  ): Promise<WebhookEndpoint> {
    return ctx.webhooks.update(id, input, actorOf(ctx.principal));
  }

  @Authorized('admin')
  @Mutation(() => WebhookEndpoint, {
    description:
      'Stops sending to an endpoint: new events are not queued for it, and its pending deliveries wait until it is enabled again.',
  })
  disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: EngagementContext): Promise<WebhookEndpoint> {
    return ctx.webhooks.setEnabled(id, false, actorOf(ctx.principal));
  }

  @Authorized('admin')
  @Mutation(() => WebhookEndpoint, {
    description:
      'Sends to a disabled endpoint again: its pending deliveries, and events from now on (the ones it missed by replayWebhookEvents).',
  })
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: EngagementContext): Promise<WebhookEndpoint> {
    return ctx.webhooks.setEnabled(id, true, actorOf(ctx.principal));
  }

  @Authorized('admin')
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Issues a new signing secret, shown this once. Until previousSecretValidForSeconds have passed (default a day; 0 after a leak), deliveries carry a signature with each, so the receiver can switch without refusing any.',
  })
  rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Arg('previousSecretValidForSeconds', () => Int, { defaultValue: 86_400 }) previousSecretValidForSeconds: number,
    @Ctx() ctx: EngagementContext,
  ): Promise<WebhookEndpointSecret> {
    return ctx.webhooks.rotateSecret(id, previousSecretValidForSeconds, actorOf(ctx.principal));
  }

  @Authorized('admin')
  @Mutation(() => WebhookDelivery, { description: 'Re-queues a dead letter: it is sent again, from a first attempt.' })
  retryWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: EngagementContext): Promise<WebhookDelivery> {
    return ctx.webhooks.retry(id, actorOf(ctx.principal));
  }

  @Authorized('admin')
  @Mutation(() => WebhookReplay, {
    description: `Sends one endpoint a service's past events again, as new deliveries (the originals stay in the log): those after afterEventId, of the types it subscribes to (narrowed to types), at most first (up to ${maxReplayEvents}) per call; go on from the reported lastEventId while hasMore.`,
  })
  replayWebhookEvents(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('source', { description: 'The service whose outbox to replay: profile, ledger, rewards or campaign.' })
    source: string,
    @Arg('afterEventId', () => Int) afterEventId: number,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Arg('first', () => Int, { defaultValue: maxReplayEvents }) first: number,
    @Ctx() ctx: EngagementContext,
  ): Promise<WebhookReplay> {
    return ctx.webhooks.replay({ endpointId, source, afterEventId, types, first }, actorOf(ctx.principal));
  }
}
