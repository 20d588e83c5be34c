import { qrCode, qrPath } from './qrCode';

const picture = (text: string) => qrCode(text).modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));
const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];

describe('a QR code of a member card', () => {
  it('encodes a card payload in a small symbol with its three finder patterns', () => {
    const code = qrCode('loyaltygraph:card:4000123412341234');
    // The card number's digits go in numeric mode, so the payload fits version 2 (25 × 25).
    expect([code.version, code.size]).toEqual([2, 25]);
    const rows = picture('loyaltygraph:card:4000123412341234');
    const corner = (top: number, left: number) => rows.slice(top, top + 7).map((row) => row.slice(left, left + 7));
    expect(corner(0, 0)).toEqual(finder);
    expect(corner(0, code.size - 7)).toEqual(finder);
    expect(corner(code.size - 7, 0)).toEqual(finder);
    // The timing pattern between the top finders alternates, starting dark.
    expect(rows[6]!.slice(8, code.size - 8)).toBe('#.#.#.#.#'.slice(0, code.size - 16));
  });

  it('grows with the text and adds version information from version 7', () => {
    expect(qrCode('A').version).toBe(1);
    const long = qrCode('x'.repeat(120));
    expect([long.version, long.mask]).toEqual([7, 2]);
    // The version block beside the top-right finder: 000111 110010 010100 for version 7.
    const versionBits = Array.from(
      { length: 18 },
      (_, i) => long.modules[Math.floor(i / 3)]![long.size - 11 + (i % 3)],
    );
    expect(
      versionBits
        .map((dark) => (dark ? 1 : 0))
        .reverse()
        .join(''),
    ).toBe('000111110010010100');
    expect(qrCode('x'.repeat(213)).version).toBe(10);
  });

  it('draws one square per dark module inside a quiet zone', () => {
    const code = qrCode('hello');
    const dark = code.modules.flat().filter(Boolean).length;
    const path = qrPath(code);
    expect(path.match(/M/g)).toHaveLength(dark);
    expect(path.startsWith('M4,4h1v1h-1z')).toBe(true);
  });
});
