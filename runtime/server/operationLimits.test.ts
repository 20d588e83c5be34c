import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { defaultOperationLimits, operationLimitRules } from './operationLimits';

const schema = buildSchema(`
  type Query { customer(id: ID!): Customer, customers(first: Int): [Customer!]! }
  type Customer { id: ID!, name: String, friends(first: Int): [Customer!]!, history(first: Int): Connection! }
  type Connection { edges: [Edge!]!, total: Int }
  type Edge { node: Entry! }
  type Entry { points: Int }
`);

const limits = { ...defaultOperationLimits, maxDepth: 5, maxAliases: 3, maxCost: 500, maxTokens: 1000 };
const codes = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...operationLimitRules(limits)]).map((e) => e.extensions.code);

describe('operation limits', () => {
  it('lets an ordinary query through', () => {
    expect(codes('{ customer(id: "1") { id name history(first: 5) { edges { node { points } } total } } }')).toEqual(
      [],
    );
  });

  it('refuses an operation nested deeper than the limit, through fragments too', () => {
    expect(codes('{ customer(id: "1") { friends { friends { friends { friends { friends { id } } } } } } }')).toContain(
      'QUERY_TOO_DEEP',
    );
    expect(
      codes(
        '{ customer(id: "1") { ...F } } fragment F on Customer { friends { friends { friends { friends { friends { id } } } } } }',
      ),
    ).toContain('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases', () => {
    expect(
      codes(
        '{ a: customer(id: "1") { id } b: customer(id: "2") { id } c: customer(id: "3") { id } d: customer(id: "4") { id } }',
      ),
    ).toEqual(['TOO_MANY_ALIASES']);
  });

  it('estimates lists by their first argument, and edges by their connection', () => {
    expect(codes('{ customers(first: 10) { history(first: 10) { edges { node { points } } } } }')).toEqual([]);
    expect(codes('{ customers(first: 100) { history(first: 100) { edges { node { points } } } } }')).toEqual([
      'QUERY_TOO_COSTLY',
    ]);
    // Without first, a list counts as 20.
    expect(codes('{ customers { friends { friends { id } } } }')).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('counts aliases each time their fragment is spread', () => {
    expect(codes('{ customer(id: "1") { ...A ...A } } fragment A on Customer { a: id b: name }')).toEqual([
      'TOO_MANY_ALIASES',
    ]);
  });

  it('costs a first given as a variable at the largest page size', () => {
    expect(
      codes('query($n: Int) { customers(first: $n) { history(first: $n) { edges { node { points } } } } }'),
    ).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('measures fragments spread twice at every level in linear time, not exponential', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { customers(first: 1) { id } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    // 2^40 spreads of a 2-field selection: far over the cost limit. An exponential walk would not
    // finish before the test's timeout; a linear one answers at once.
    expect(codes(`query { ...F0 } ${fragments}`)).toContain('QUERY_TOO_COSTLY');
  });
});
