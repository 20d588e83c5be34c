import { guessIdentifierType } from './identifier';

describe('guessing what kind of identifier a till or the console was given', () => {
  it.each([
    ['ada@example.com', 'EMAIL'],
    ['  ADA@EXAMPLE.COM ', 'EMAIL'],
    ['+44 20 7946 0018', 'PHONE'],
    ['020 7946 0018', 'PHONE'],
    ['(020) 7946-0018', 'PHONE'],
    ['+4915112345678', 'PHONE'],
    ['4000123412341234', 'MEMBER_CARD'],
    ['4000 1234 1234 1234', 'MEMBER_CARD'],
    ['loyaltygraph:card:4000123412341234', 'MEMBER_CARD'],
    ['LoyaltyGraph:Card:4000123412341234', 'MEMBER_CARD'],
    ['K7QM2XRD', 'MEMBER_CARD'],
  ])('reads %j as %s', (value, type) => {
    expect(guessIdentifierType(value)).toBe(type);
  });
});
