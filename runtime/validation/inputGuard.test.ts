import { parse } from 'graphql';
import { answersGraphQLResponseJson } from '../server/requestErrorStatus';
import { findUnsafeInput, unsafeInputError } from './inputGuard';

const document = parse('mutation($input: In!) { change(input: $input) { id } }');
const deep = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('input guard', () => {
  it('lets ordinary text through, tabs and line breaks included', () => {
    expect(findUnsafeInput(document, { input: { name: 'Zoë 𝔘\tline\r\nnext', attributes: deep(31) } }, 32)).toBe(
      undefined,
    );
  });

  it.each([
    ['a NUL in a value', { input: { lines: [{ sku: 'A\u0000B' }] } }, 'input.lines.0.sku'],
    ['a bell character', { input: { givenName: 'A\u0007' } }, 'input.givenName'],
    ['a NUL in a key', { input: { attributes: { 'k\u0000': 1 } } }, 'input.attributes'],
    ['a lone high surrogate', { input: { givenName: 'A\ud800' } }, 'input.givenName'],
    ['a lone low surrogate', { input: { givenName: '\udc00B' } }, 'input.givenName'],
  ])('names the place of %s', (_label, variables, path) => {
    expect(findUnsafeInput(document, variables, 32)?.path).toBe(path);
  });

  it('refuses JSON 5,000 levels deep in a few steps', () => {
    expect(findUnsafeInput(document, { input: { attributes: deep(5000) } }, 32)?.problem).toMatch(/deeper than 32/);
  });

  it('checks values written in the document too', () => {
    const inline = parse('mutation { change(input: { lines: [{ sku: "A\\u0000" }] }) { id } }');
    expect(findUnsafeInput(inline, {}, 32)?.path).toBe('input.lines.0.sku');
  });

  it('gives BAD_USER_INPUT naming the argument', () => {
    const error = unsafeInputError({ path: 'input.givenName', problem: 'must not contain NUL' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.givenName' });
  });

  it('answers application/graphql-response+json only to a client that prefers it', () => {
    expect(answersGraphQLResponseJson(undefined)).toBe(false);
    expect(answersGraphQLResponseJson('*/*')).toBe(false);
    expect(answersGraphQLResponseJson('application/json')).toBe(false);
    expect(answersGraphQLResponseJson('application/graphql-response+json')).toBe(true);
    expect(answersGraphQLResponseJson('application/graphql-response+json, application/json;q=0.9')).toBe(true);
  });
});
