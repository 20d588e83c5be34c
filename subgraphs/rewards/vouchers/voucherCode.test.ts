import fc from 'fast-check';
import { canonicalVoucherCode, isVoucherCode, newVoucherCode, normaliseVoucherCode } from './voucherCode';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('voucher codes', () => {
  it('are 16 random base32 characters and a check character, grouped for reading out', () => {
    const code = newVoucherCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]$/);
    expect(isVoucherCode(code)).toBe(true);
  });

  it('do not repeat (10,000 codes)', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newVoucherCode));
    expect(codes.size).toBe(10_000);
  });

  it('are read the way a till types them: any case, spaces, dashes, O for 0 and I or L for 1', () => {
    const code = newVoucherCode();
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(isVoucherCode(typed)).toBe(true);
    expect(canonicalVoucherCode(typed)).toBe(code);
    expect(normaliseVoucherCode(' k7qm-2xrd ')).toBe('K7QM2XRD');
  });

  it('refuses codes of the wrong length or with characters outside the alphabet', () => {
    expect(isVoucherCode('')).toBe(false);
    expect(isVoucherCode('ABCD-EFGH')).toBe(false);
    expect(isVoucherCode(`${newVoucherCode()}X`)).toBe(false);
    expect(isVoucherCode('UUUU-UUUU-UUUU-UUUU-U')).toBe(false);
  });

  it('catch any one mistyped character, but 0 for Z and back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 31 }), (position, shift) => {
        const code = normaliseVoucherCode(newVoucherCode());
        const original = code[position]!;
        const typo = alphabet[(alphabet.indexOf(original) + shift) % alphabet.length]!;
        const zeroForZ = position < 16 && ((original === '0' && typo === 'Z') || (original === 'Z' && typo === '0'));
        const mistyped = code.slice(0, position) + typo + code.slice(position + 1);
        expect(isVoucherCode(mistyped)).toBe(zeroForZ);
      }),
    );
  });

  it('catch two neighbouring characters swapped (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), (position) => {
        const code = normaliseVoucherCode(newVoucherCode());
        const [a, b] = [code[position]!, code[position + 1]!];
        fc.pre(a !== b && !(a === '0' && b === 'Z') && !(a === 'Z' && b === '0'));
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(isVoucherCode(swapped)).toBe(false);
      }),
    );
  });
});
