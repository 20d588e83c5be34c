import { IsISO8601, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../../../runtime/auth/principal';
import { IsCode } from '../../../runtime/validation/validators';
import { IdentifierType } from './identifier.rules';

export enum ConsentChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
}

registerEnumType(ConsentChannel, { name: 'ConsentChannel', description: 'A channel a member can be contacted on.' });

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

  @Authorized(...profileFieldReaders)
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  birthday!: string | null;

  @Authorized(...profileFieldReaders)
  @Field(() => String, { nullable: true, description: 'How the member prefers to hear from us: EMAIL, SMS or PUSH.' })
  preferredChannel!: string | null;

  @Authorized(...profileFieldReaders)
  @Field(() => String, { nullable: true, description: 'BCP 47, e.g. en-GB.' })
  language!: string | null;

  @Authorized(...profileFieldReaders)
  @Field(() => GraphQLJSONObject, { description: 'Free-form attributes marketers can segment on.' })
  attributes!: Record<string, unknown>;

  @Authorized(...profileFieldReaders)
  @Field(() => [Consent], {
    description: 'The current answer per channel (EMAIL, SMS, PUSH), with when and where it was given.',
  })
  consents!: Consent[];

  @Authorized(...profileFieldReaders)
  @Field(() => [ID], {
    description:
      'Ids of profiles merged into this one, oldest merge first; each still resolves to this profile in every subgraph.',
  })
  mergedIds!: string[];

  /** The card number, when the member has one (read through memberCard). */
  cardNumber!: string | null;
}

@ObjectType({ description: 'Two profiles of one person, now one.' })
export class CustomerMerge {
  @Field(() => Customer, { description: 'The profile that remains, holding what both held.' })
  survivor!: Customer;

  @Field(() => ID, { description: 'The merged id: it keeps resolving to the survivor.' })
  mergedId!: string;

  @Field(() => ID, { description: 'The audit entry: the profile outbox event that the ledger and rewards follow.' })
  auditEventId!: string;
}

@ObjectType({ description: "A member's consent for one channel: the latest answer." })
export class Consent {
  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field()
  granted!: boolean;

  @Field({ description: 'Where it was given: a form, the till, the app settings, ...' })
  source!: string;

  @Field()
  changedAt!: Date;
}

@ObjectType({
  description: "The member's loyalty card: the number a till types, and what the app shows to be scanned.",
})
export class MemberCard {
  @Field({ description: '16 digits with a Luhn check digit.' })
  number!: string;

  @Field({
    description:
      'What the app renders as a QR code or barcode; a POS scanning it looks the member up with customerByIdentifier(type: MEMBER_CARD, value: <payload>).',
  })
  scanPayload!: string;
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

  @Field(() => String, { nullable: true, description: "The member's id in the mobile app." })
  @IsOptional()
  @Length(1, 64)
  appMemberId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's id in the POS system." })
  @IsOptional()
  @Length(1, 64)
  posCustomerId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's id in the e-commerce platform." })
  @IsOptional()
  @Length(1, 64)
  ecommerceCustomerId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  birthday?: string | null;
}

@InputType({ description: 'Changes to a profile; fields left out stay as they are.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  birthday?: string | null;

  @Field(() => ConsentChannel, { nullable: true })
  @IsOptional()
  preferredChannel?: ConsentChannel | null;

  @Field(() => String, { nullable: true, description: 'BCP 47, e.g. en-GB.' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'language must be a BCP 47 tag such as en-GB' })
  language?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Merged into the attributes; a key set to null is removed. The request size limit is the only cap.',
  })
  @IsOptional()
  attributes?: Record<string, unknown> | null;
}

@InputType({ description: 'A consent answer for one channel, with where it was given.' })
export class SetConsentInput {
  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field()
  granted!: boolean;

  @Field({ description: 'Where it was given: signup-form, till, app-settings, ...' })
  @Length(1, 64)
  source!: string;
}
