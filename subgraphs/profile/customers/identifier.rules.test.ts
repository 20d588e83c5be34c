import fc from 'fast-check';
import {
  IdentifierType,
  luhnDigit,
  newCardNumber,
  normaliseCardNumber,
  scanPayloadPrefix,
  maskEmail,
  maskPhone,
  normaliseEmail,
  normaliseIdentifier,
  normalisePhone,
} from './identifier.rules';

describe('identifier rules', () => {
  it('case-folds and trims emails', () => {
    expect(normaliseEmail('  Ann.Smith@Example.COM ')).toBe('ann.smith@example.com');
  });

  it.each(['', 'ann', 'ann@', '@example.com', 'ann @example.com', 'ann@example'])('refuses the email %p', (raw) => {
    expect(normaliseEmail(raw)).toBeUndefined();
  });

  it('writes phones in E.164 whatever the separators', () => {
    expect(normalisePhone('+49 (151) 123-45.678')).toBe('+4915112345678');
    expect(normalisePhone('0049 151 12345678')).toBe('+4915112345678');
  });

  it.each(['', '12345', '+0123456789', '+49 151 abc', '+1234567890123456'])('refuses the phone %p', (raw) => {
    expect(normalisePhone(raw)).toBeUndefined();
  });

  it('normalises by identifier type', () => {
    expect(normaliseIdentifier(IdentifierType.EMAIL, 'A@B.CO')).toBe('a@b.co');
    expect(normaliseIdentifier(IdentifierType.PHONE, '+1 415 555 0100')).toBe('+14155550100');
  });

  it('masks identifiers for staff: enough to confirm, not to copy', () => {
    expect(maskEmail('ada@example.com')).toBe('a**@example.com');
    expect(maskEmail('grace.hopper@example.com')).toBe('g***********@example.com');
    expect(maskPhone('+442079460018')).toBe('+44••••••0018');
  });
});

describe('identifiers beyond email and phone', () => {
  it('reads national phone numbers in the configured region', () => {
    expect(normalisePhone('07700 900123', 'GB')).toBe('+447700900123');
    expect(normalisePhone('0151 2345 6789', 'DE')).toBe('+4915123456789');
    expect(normalisePhone('+44 7700 900123', 'DE')).toBe('+447700900123');
    expect(normalisePhone('07700 900123')).toBeUndefined();
    expect(normalisePhone('123', 'GB')).toBeUndefined();
  });

  it('issues card numbers with a Luhn check digit, and reads them typed or scanned', () => {
    const card = newCardNumber();
    expect(card).toMatch(/^9\d{15}$/);
    expect(luhnDigit(card.slice(0, -1))).toBe(card.slice(-1));
    expect(normaliseCardNumber(`${card.slice(0, 4)} ${card.slice(4, 8)}-${card.slice(8)}`)).toBe(card);
    expect(normaliseCardNumber(`${scanPayloadPrefix}${card}`)).toBe(card);
    expect(luhnDigit('7992739871')).toBe('3');
  });

  it('refuses a card number with a mistyped digit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const card = newCardNumber();
        const digit = (Number(card[position]) + shift) % 10;
        const typo = card.slice(0, position) + String(digit) + card.slice(position + 1);
        expect(normaliseCardNumber(typo)).toBeUndefined();
      }),
    );
  });

  it('keeps ids from other systems as given, trimmed', () => {
    expect(normaliseIdentifier(IdentifierType.POS_CUSTOMER_ID, '  POS-00042 ')).toBe('POS-00042');
    expect(normaliseIdentifier(IdentifierType.APP_MEMBER_ID, 'has space')).toBeUndefined();
    expect(normaliseIdentifier(IdentifierType.ECOMMERCE_CUSTOMER_ID, 'x'.repeat(65))).toBeUndefined();
  });

  it('keeps legacy member ids trimmed with their case, up to 128 characters', () => {
    expect(normaliseIdentifier(IdentifierType.LEGACY_MEMBER_ID, '  Old Engine/M-0042 ')).toBe('Old Engine/M-0042');
    expect(normaliseIdentifier(IdentifierType.LEGACY_MEMBER_ID, 'x'.repeat(128))).toBe('x'.repeat(128));
    expect(normaliseIdentifier(IdentifierType.LEGACY_MEMBER_ID, 'x'.repeat(129))).toBeUndefined();
    expect(normaliseIdentifier(IdentifierType.LEGACY_MEMBER_ID, '   ')).toBeUndefined();
    expect(normaliseIdentifier(IdentifierType.LEGACY_MEMBER_ID, 'a\nb')).toBeUndefined();
  });
});
