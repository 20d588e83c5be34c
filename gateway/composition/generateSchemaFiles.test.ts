import { staleSchemaFiles } from './generateSchemaFiles';

describe('the committed schema/', () => {
  it('matches what the subgraphs compose to now (run `npm run compose` when this fails)', async () => {
    expect(await staleSchemaFiles()).toEqual([]);
  });
});
