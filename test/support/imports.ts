import { InternalCredential } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import {
  importOwners,
  internalImportPath,
  type ImportBatchRequest,
  type ImportBatchResult,
  type ImportKind,
  type ImportRecord,
} from '../../runtime/imports/importBatch';
import type { TestGraph } from './testGraph';

const credential = new InternalCredential('gateway', developmentAuthConfig().internalSecret);

/** Records numbered as lines of a file from `firstLine` (an NDJSON file's first line is 1). */
export function importRecords(fields: Array<Record<string, unknown>>, firstLine = 1): ImportRecord[] {
  return fields.map((one, index) => ({ line: firstLine + index, fields: one }));
}

/** Posts a batch to the owner of `kind` as the gateway does (`POST /internal/import/:kind`, internal token). */
export async function postImportBatch(
  graph: TestGraph,
  kind: ImportKind,
  batch: Partial<ImportBatchRequest> & { records: ImportRecord[] },
): Promise<ImportBatchResult> {
  const owner = graph.stack.subgraphs[importOwners[kind]];
  const response = await fetch(new URL(`${internalImportPath}/${kind}`, owner.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
    body: JSON.stringify({ jobId: 'test-job', dryRun: false, ...batch }),
  });
  const body = (await response.json()) as ImportBatchResult;
  if (response.status !== 200) throw new Error(`import ${kind}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}
