import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsUuid } from '../../../runtime/validation/validators';
import { audienceBatchSize } from './audience.service';
import { keyPattern } from './segment.type';

@ObjectType({
  description:
    'A static list of members by id (pushed by a CDP, or kept by marketers); segments take it with inAudience.',
})
export class Audience {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  createdAt!: Date;
}

@InputType({ description: 'A static audience. Defining an existing key renames it; its members stay.' })
export class AudienceInput {
  @Field({ description: 'lower-kebab-case, 2 to 48 characters.' })
  @Matches(keyPattern, { message: 'key must be lower-kebab-case, 2 to 48 characters' })
  key!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;
}

@InputType({
  description: `Members to add to or remove from an audience: 1 to ${audienceBatchSize} customer ids a call.`,
})
export class AudienceMembersInput {
  @Field()
  @Matches(keyPattern, { message: 'audience must be an audience key (lower-kebab-case)' })
  audience!: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(audienceBatchSize)
  @IsUuid({ each: true })
  customerIds!: string[];
}

@ObjectType({ description: 'What adding or removing members did; a retry finds everything unchanged.' })
export class AudienceMembersChange {
  @Field()
  audience!: string;

  @Field(() => Int, { description: 'Ids asked for, each counted once.' })
  asked!: number;

  @Field(() => Int, { description: 'Members added (or removed).' })
  changed!: number;

  @Field(() => Int, { description: 'Already members (when adding), or not members (when removing).' })
  unchanged!: number;
}
