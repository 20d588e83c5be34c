import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requirePrincipal } from '../../../runtime/auth/authorize';
import { batchItemFailure, invalidItem, requireBatchSize } from '../../../runtime/schema/batchItems';
import type { EngagementContext } from '../context';
import { engagementErrorCodes } from '../errors';
import type { MessageResponseRow } from './messageResponse.store';
import { MessageResponse, RecordMessageResponseInput, RecordMessageResponseResult } from './messageResponse.type';

/** Reports one provider webhook call may carry at most. */
export const maxResponseBatch = 500;

export const toResponse = (row: MessageResponseRow): MessageResponse => ({
  messageId: row.notification_id,
  response: row.response,
  occurredAt: new Date(row.occurred_at),
  recordedAt: new Date(row.recorded_at),
});

@Resolver()
export class MessageResponseResolver {
  @Authorized('member', 'service', 'admin')
  @Mutation(() => MessageResponse, {
    description:
      "Records that a member opened or clicked a message: the email, SMS or push provider's webhook (role service), or the app for the member's own message. Once per message and response: the first report wins and a retry answers it. Unknown message NOT_FOUND; a message never sent, a time before it was sent or in the future BAD_USER_INPUT naming the field. REDEEMED is recorded by itself when the voucher a message carried is used.",
  })
  async recordMessageResponse(
    @Arg('input') input: RecordMessageResponseInput,
    @Ctx() ctx: EngagementContext,
  ): Promise<MessageResponse> {
    const caller = requirePrincipal(ctx.principal);
    return toResponse(
      await ctx.responses.record(
        { messageId: input.messageId, response: input.response, occurredAt: input.occurredAt ?? null },
        caller,
      ),
    );
  }

  @Authorized('member', 'service', 'admin')
  @Mutation(() => [RecordMessageResponseResult], {
    description: `Records a provider's batch of reports (webhooks post several events at once): one result per input, in order, each as \`recordMessageResponse\` answers it; a failed item has its coded \`error\` and never stops the others. At most ${maxResponseBatch} inputs, else BAD_USER_INPUT and nothing is done.`,
  })
  async recordMessageResponses(
    @Arg('inputs', () => [RecordMessageResponseInput], { validate: false }) inputs: RecordMessageResponseInput[],
    @Ctx() ctx: EngagementContext,
  ): Promise<RecordMessageResponseResult[]> {
    requireBatchSize(inputs.length, maxResponseBatch);
    const caller = requirePrincipal(ctx.principal);
    const results: RecordMessageResponseResult[] = [];
    // One after another: two reports of one message's open in a batch record it once, the first.
    for (const [index, input] of inputs.entries()) {
      const invalid = await invalidItem(input);
      if (invalid) {
        results.push({ index, response: null, error: invalid.error });
        continue;
      }
      try {
        const row = await ctx.responses.record(
          { messageId: input.messageId, response: input.response, occurredAt: input.occurredAt ?? null },
          caller,
        );
        results.push({ index, response: toResponse(row), error: null });
      } catch (error) {
        results.push({ index, response: null, error: batchItemFailure(engagementErrorCodes, error).error });
      }
    }
    return results;
  }
}
