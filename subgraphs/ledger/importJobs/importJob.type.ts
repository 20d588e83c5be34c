import { IsIn, IsInt, IsOptional, Length, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { importKinds, type ImportKind } from '../../../runtime/imports/importBatch';
import { connectionType } from '../../../runtime/pagination/connection';
import { IsUuid } from '../../../runtime/validation/validators';

export enum ImportFormat {
  NDJSON = 'NDJSON',
  CSV = 'CSV',
}

export const ImportKindEnum = Object.fromEntries(importKinds.map((kind) => [kind, kind])) as { [K in ImportKind]: K };

export enum ImportJobStateEnum {
  WAITING_FOR_FILE = 'WAITING_FOR_FILE',
  RUNNING = 'RUNNING',
  INTERRUPTED = 'INTERRUPTED',
  COMPLETED = 'COMPLETED',
}

registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description: 'What an import brings: members (profiles), balances (lots), tiers, or past orders and returns.',
});
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'NDJSON (one JSON object per line) or CSV with a header row.',
});
registerEnumType(ImportJobStateEnum, {
  name: 'ImportJobState',
  description:
    'WAITING_FOR_FILE until the file is uploaded; RUNNING while it goes in; INTERRUPTED when an upload stopped before the end (upload the file again to resume after the last line that went in); COMPLETED when every line was applied, skipped or reported.',
});

@InputType({ description: "An import of one file: upload it to the gateway at the job's uploadPath." })
export class StartImportInput {
  @Field(() => ImportKindEnum)
  @IsIn(importKinds)
  kind!: ImportKind;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field({ defaultValue: false, description: 'Validate every line (lookups too) and change nothing.' })
  dryRun!: boolean;

  @Field(() => String, { nullable: true, description: "The file's name, for the job list." })
  @IsOptional()
  @Length(1, 255)
  fileName?: string | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description:
      'How many records the file holds, if the uploader knows (the CLI counts them): progress shows it until the upload ends.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  total?: number | null;
}

@ObjectType({ description: 'A line that did not go in: where, which field, and why.' })
export class ImportLineFault {
  @Field(() => GraphQLSafeInt, { description: 'The line of the file (a CSV header is line 1).' })
  line!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The field at fault, dotted for nested ones; null when the line as a whole is.',
  })
  field!: string | null;

  @Field({ description: 'BAD_USER_INPUT, NOT_FOUND or CONFLICT.' })
  code!: string;

  @Field()
  message!: string;
}

export const ImportLineFaultConnection = connectionType('ImportLineFault', ImportLineFault);

@ObjectType({ description: 'An import of one file, with its progress and the lines that did not go in.' })
export class ImportJob {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportKindEnum)
  kind!: ImportKind;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field()
  dryRun!: boolean;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => ImportJobStateEnum)
  state!: ImportJobStateEnum;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Records in the file: as the uploader announced, then as counted when the upload ended.',
  })
  total!: number | null;

  @Field(() => GraphQLSafeInt, { description: 'Records read so far: applied + skipped + failed.' })
  processed!: number;

  @Field(() => GraphQLSafeInt, { description: 'Records this job wrote (in a dry run: would write).' })
  applied!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Records already there with the same key (a file imported before, or a batch an interrupted upload had applied).',
  })
  skipped!: number;

  @Field(() => GraphQLSafeInt, { description: 'Lines refused, each listed in errors.' })
  failed!: number;

  @Field(() => GraphQLSafeInt, {
    description: 'Every line up to this one is in: an upload of the file again resumes after it.',
  })
  throughLine!: number;

  @Field(() => Int, {
    description:
      'Requests that carried the file or a part of it: each takes the job over, and an older one still running stops at its next batch.',
  })
  attempt!: number;

  @Field(() => GraphQLSafeInt)
  bytesReceived!: number;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: "The file's size, when the upload said (Content-Length).",
  })
  bytesTotal!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last upload stopped, when it did.' })
  message!: string | null;

  @Field({ description: 'Where to upload the file on the gateway (HTTP PUT, the same admin token).' })
  uploadPath!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

export const ImportJobConnection = connectionType('ImportJob', ImportJob);

@InputType({ description: "A line's fault, as the owner of the records reported it (the gateway's upload)." })
export class ImportLineFaultInput {
  @Field(() => GraphQLSafeInt)
  line!: number;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  code!: string;

  @Field()
  message!: string;
}

@InputType({ description: 'What one applied batch adds to a job (the gateway, with an internal token).' })
export class ImportProgressInput {
  @Field(() => ID)
  @IsUuid()
  jobId!: string;

  @Field(() => Int)
  attempt!: number;

  @Field(() => GraphQLSafeInt)
  throughLine!: number;

  @Field(() => GraphQLSafeInt)
  applied!: number;

  @Field(() => GraphQLSafeInt)
  skipped!: number;

  @Field(() => [ImportLineFaultInput])
  errors!: ImportLineFaultInput[];

  @Field(() => GraphQLSafeInt)
  bytesReceived!: number;
}
