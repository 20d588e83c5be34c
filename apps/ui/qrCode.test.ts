import { qrCode, qrPath } from './qrCode';

// Symbols from Project Nayuki's reference QR Code generator for the same text (byte mode, level M,
// no level boost): the same modules, version and mask, module for module.
const card = [
  '#######.#....###...#..#######',
  '#.....#.######..##..#.#.....#',
  '#.###.#....##...#.##..#.###.#',
  '#.###.#.##....##.##.#.#.###.#',
  '#.###.#..#..#.#.#####.#.###.#',
  '#.....#..##.##.###.#..#.....#',
  '#######.#.#.#.#.#.#.#.#######',
  '........##.#...###..#........',
  '#.##.###.#...#.###.##.#..#.##',
  '.#.###.##..#####...#..#.#..##',
  '.##.#.#..###.#......#.##.###.',
  '..#.....#.###.....##....#..##',
  '##..#.#..#....#####.#.....###',
  '.##..#.####.#.##.####.#..#.##',
  '####.###..#..#....##..#..#.##',
  '#.#.##.#.###..#...#.#.#.##..#',
  '...#.####..##.#.#....#..##.##',
  '..##.#.##.##..###.#....#.....',
  '#.###.##....####..#..#.##....',
  '..#.##.##..#.###.#####.#.##..',
  '.#....#..######..#..#####.##.',
  '........#...#......##...#.###',
  '#######.#.##..#.#..##.#.####.',
  '#.....#.#.#####.#..##...#....',
  '#.###.#.....#..####.#####.##.',
  '#.###.#.##..#..#.##.##.####.#',
  '#.###.#.#..###..##...#.#..#.#',
  '#.....#..####..##...##...#.#.',
  '#######.#.#...#.#..##.##.#.#.',
];

const picture = (text: string) => qrCode(text).modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));

describe('a QR code of a member card', () => {
  it('is the reference symbol for a card payload', () => {
    const code = qrCode('loyaltygraph:card:4000123412341234');
    expect([code.version, code.size, code.mask]).toEqual([3, 29, 3]);
    expect(picture('loyaltygraph:card:4000123412341234')).toEqual(card);
  });

  it('grows with the text, adds version information from version 7, and refuses what version 10 cannot hold', () => {
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
    expect(() => qrCode('x'.repeat(214))).toThrow(RangeError);
  });

  it('draws one square per dark module inside a quiet zone', () => {
    const code = qrCode('hello');
    const dark = code.modules.flat().filter(Boolean).length;
    const path = qrPath(code);
    expect(path.match(/M/g)).toHaveLength(dark);
    expect(path.startsWith('M4,4h1v1h-1z')).toBe(true);
  });
});
