import { IsOptional, Length, MaxLength } from 'class-validator';
import { Authorized, Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../../../runtime/auth/principal';
import { IsCode } from '../../../runtime/validation/validators';
import { IdentifierType } from './identifier.rules';

registerEnumType(IdentifierType, {
  name: 'IdentifierType',
  description: 'A way to recognise a customer at a till, online or in the app.',
});

@ObjectType({ description: 'An identifier owned by one customer, stored normalised.' })
export class Identity {
  @Field(() => IdentifierType)
  type!: IdentifierType;

  @Field({ description: 'Normalised value: emails case-folded, phones in E.164.' })
  value!: string;
}

/**
 * Who may read a profile's fields (an integration may resolve an identifier to an id, nothing more);
 * which profiles they may read is checked where a customer is loaded.
 */
export const profileFieldReaders: Role[] = ['member', 'associate', 'admin', 'internal'];

@ObjectType({ description: 'A loyalty member: one profile across every channel.' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;

  @Authorized(...profileFieldReaders)
  @Field()
  givenName!: string;

  @Authorized(...profileFieldReaders)
  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Authorized(...profileFieldReaders)
  @Field({ description: 'Display name: given and family name.' })
  name!: string;

  // Who sees email, phone and identities, and how masked, is decided in CustomerResolver.
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +4915112345678.' })
  phone!: string | null;

  @Field(() => [Identity])
  identities!: Identity[];

  @Authorized(...profileFieldReaders)
  @Field({ description: 'The channel the member enrolled through (IN_STORE, ONLINE, MOBILE_APP, ...).' })
  enrollmentChannel!: string;

  @Authorized(...profileFieldReaders)
  @Field(() => String, { nullable: true, description: 'The store that enrolled the member, if any.' })
  enrollmentStoreId!: string | null;

  @Authorized(...profileFieldReaders)
  @Field()
  enrolledAt!: Date;
}

@InputType()
export class EnrollCustomerInput {
  @Field()
  @Length(1, 100)
  givenName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'At least one of email and phone is required.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164 or with separators, e.g. "+49 151 1234 5678".' })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;

  @Field({ description: 'Where the member enrolled: IN_STORE, ONLINE, MOBILE_APP or another channel name.' })
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;
}
