import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { isUuid } from '../../../runtime/validation/validators';
import type { LedgerContext } from '../context';
import { toBulkAdjustment } from './bulkAdjustment.service';
import { bulkAdjustmentStore } from './bulkAdjustment.store';
import {
  BulkAdjustment,
  BulkAdjustmentConnection,
  BulkAdjustmentError,
  BulkAdjustmentErrorConnection,
  BulkAdjustmentPreview,
  BulkAdjustmentPreviewInput,
  StartBulkAdjustmentInput,
} from './bulkAdjustment.type';

const managers = ['admin', 'marketer'] as const;

@Resolver(() => BulkAdjustment)
export class BulkAdjustmentResolver {
  @Authorized(...managers)
  @Query(() => BulkAdjustmentPreview, {
    description:
      'What startBulkAdjustment would do now, for a segment or a list: how many members, how many points in all, and how many a debit would take below zero. Changes nothing.',
  })
  previewBulkAdjustment(
    @Arg('input') input: BulkAdjustmentPreviewInput,
    @Ctx() ctx: LedgerContext,
  ): Promise<BulkAdjustmentPreview> {
    return ctx.bulkAdjustments.preview(input);
  }

  @Authorized(...managers)
  @Mutation(() => BulkAdjustment, {
    description:
      "Adjusts the points of a segment's members or of a list of members, in the background (follow it with bulkAdjustment(id)). The members are fixed when it starts; each is adjusted as adjustPoints would, with the reason and you recorded; a member that cannot be (unknown, too few points for a debit) fails alone, in `errors`. An unknown segment is NOT_FOUND; the same idempotencyKey again answers with the same job, with other content CONFLICT.",
  })
  startBulkAdjustment(
    @Arg('input') input: StartBulkAdjustmentInput,
    @Ctx() ctx: LedgerContext,
  ): Promise<BulkAdjustment> {
    return ctx.bulkAdjustments.startJob(input, actorOf(ctx.principal));
  }

  @Authorized(...managers)
  @Query(() => BulkAdjustment, {
    nullable: true,
    description: 'A bulk adjustment and its progress; null if none has the id.',
  })
  async bulkAdjustment(@Arg('id', () => ID) id: string, @Ctx() ctx: LedgerContext): Promise<BulkAdjustment | null> {
    if (!isUuid(id)) return null;
    const row = await bulkAdjustmentStore.findById(ctx.db, id);
    return row ? toBulkAdjustment(row) : null;
  }

  @Authorized(...managers)
  @Query(() => BulkAdjustmentConnection, { description: 'Bulk adjustments, newest first.' })
  async bulkAdjustments(
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<BulkAdjustment>> {
    checkPageSize(first);
    const beforePosition = after ? decodeCursor<number>(after, 'number') : null;
    const rows = await bulkAdjustmentStore.page(ctx.db, beforePosition, first + 1);
    return toConnection(rows, first, (row) => Number(row.position), toBulkAdjustment);
  }

  @FieldResolver(() => BulkAdjustmentErrorConnection, {
    description: 'The members that could not be adjusted, in the order they were tried.',
  })
  async errors(
    @Root() job: BulkAdjustment,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<BulkAdjustmentError>> {
    checkPageSize(first);
    const afterSeq = after ? decodeCursor<number>(after, 'number') : null;
    const rows = await bulkAdjustmentStore.failedItems(ctx.db, job.id, afterSeq, first + 1);
    return toConnection(
      rows,
      first,
      (row) => row.seq,
      (row) => ({ customerId: row.customer_id, code: row.error_code ?? '', message: row.error_message ?? '' }),
    );
  }
}
