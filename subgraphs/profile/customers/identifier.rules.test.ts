import {
  IdentifierType,
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
