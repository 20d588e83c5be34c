import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { isUuid } from '../../../runtime/validation/validators';
import type { LedgerContext } from '../context';
import { importJobStore } from './importJob.store';
import { toImportJob } from './importJob.service';
import {
  ImportJob,
  ImportJobConnection,
  ImportJobStateEnum,
  ImportLineFault,
  ImportLineFaultConnection,
  ImportProgressInput,
  StartImportInput,
} from './importJob.type';

function jobId(id: string): string {
  if (!isUuid(id)) throw userInputError('id must be an import job id (UUID)', { argument: 'id' });
  return id;
}

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Authorized('admin')
  @Mutation(() => ImportJob, {
    description:
      "Starts an import of one file (members, balances, tiers or orders): then PUT the file to the gateway at the answer's uploadPath. Admins only. See docs/guides/import.md.",
  })
  startImport(@Arg('input') input: StartImportInput, @Ctx() ctx: LedgerContext): Promise<ImportJob> {
    return ctx.importJobs.start(input, actorOf(ctx.principal)!);
  }

  @Authorized('admin')
  @Query(() => ImportJob, {
    nullable: true,
    description: 'An import job and its progress: poll it while the file goes in.',
  })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: LedgerContext): Promise<ImportJob | null> {
    const row = await importJobStore.find(ctx.db, jobId(id));
    return row ? toImportJob(row) : null;
  }

  @Authorized('admin')
  @Query(() => ImportJobConnection, { description: 'Import jobs, newest first.' })
  async importJobs(
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<ImportJob>> {
    checkPageSize(first);
    const before = after ? decodeCursor<number>(after, 'number') : null;
    const rows = await importJobStore.page(ctx.db, before, first + 1);
    return toConnection(
      rows,
      first,
      (row) => row.position,
      (row) => toImportJob(row),
    );
  }

  @FieldResolver(() => ImportLineFaultConnection, { description: 'The lines that did not go in, in file order.' })
  async errors(
    @Root() job: ImportJob,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<ImportLineFault>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor<string>(after, 'string') : null;
    const position = cursor ? (JSON.parse(cursor) as [number, string]) : null;
    const rows = await importJobStore.errors(ctx.db, job.id, position, first + 1);
    return toConnection(
      rows,
      first,
      (row) => JSON.stringify([row.line, row.field]),
      (row) => ({ line: row.line, field: row.field === '' ? null : row.field, code: row.code, message: row.message }),
    );
  }

  @Authorized('internal')
  @Mutation(() => ImportJob, { description: 'The gateway takes a job for an upload of its file (internal).' })
  beginImportUpload(
    @Arg('id', () => ID) id: string,
    @Arg('bytesTotal', () => GraphQLSafeInt, { nullable: true }) bytesTotal: number | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<ImportJob> {
    return ctx.importJobs.beginUpload(jobId(id), bytesTotal);
  }

  @Authorized('internal')
  @Mutation(() => Boolean, {
    description: 'The gateway records an applied batch (internal); false when another upload took the job over.',
  })
  recordImportProgress(@Arg('input') input: ImportProgressInput, @Ctx() ctx: LedgerContext): Promise<boolean> {
    return ctx.importJobs.recordProgress(input);
  }

  @Authorized('internal')
  @Mutation(() => ImportJob, { nullable: true, description: 'The gateway ends an upload (internal).' })
  finishImportUpload(
    @Arg('id', () => ID) id: string,
    @Arg('attempt', () => Int) attempt: number,
    @Arg('state', () => ImportJobStateEnum) state: ImportJobStateEnum,
    @Arg('total', () => GraphQLSafeInt, { nullable: true }) total: number | null,
    @Arg('message', () => String, { nullable: true }) message: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<ImportJob | null> {
    if (state === ImportJobStateEnum.COMPLETED) {
      return ctx.importJobs.finishUpload(jobId(id), attempt, { state: 'COMPLETED', total: total ?? 0 });
    }
    if (state === ImportJobStateEnum.INTERRUPTED) {
      return ctx.importJobs.finishUpload(jobId(id), attempt, {
        state: 'INTERRUPTED',
        message: message ?? 'The upload stopped',
      });
    }
    throw userInputError('state must be COMPLETED or INTERRUPTED', { argument: 'state' });
  }
}
