import { guessIdentifierType, holdIdOfCode, holdScanPayload } from './identifier';

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

describe('reading the code of a points hold from the member app', () => {
  const id = '0b5a3c1e-8f2d-4e6a-9c7b-1d2e3f4a5b6c';
  it.each([
    [holdScanPayload(id), id],
    [`  LoyaltyGraph:Hold:${id.toUpperCase()} `, id],
    [id, id],
    [` ${id.toUpperCase()}`, id],
  ])('reads %j as the hold %s', (value, holdId) => {
    expect(holdIdOfCode(value)).toBe(holdId);
  });

  it.each(['loyaltygraph:card:4000123412341234', '4000123412341234', 'ada@example.com', 'loyaltygraph:hold:12'])(
    'reads %j as no hold',
    (value) => {
      expect(holdIdOfCode(value)).toBeNull();
    },
  );
});
