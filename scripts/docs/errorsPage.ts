import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { errorCodeMeanings, requestErrorCodes } from '../../runtime/errors/errorCatalogue';
import { projectRoot } from '../../runtime/config/projectRoot';
import { campaignErrorCodes } from '../../subgraphs/campaign/errors';
import { engagementErrorCodes } from '../../subgraphs/engagement/errors';
import { ledgerErrorCodes } from '../../subgraphs/ledger/errors';
import { profileErrorCodes } from '../../subgraphs/profile/errors';
import { rewardsErrorCodes } from '../../subgraphs/rewards/errors';
import type { SubgraphName } from '../../subgraphs/registry';
import { generatedNotice, table } from './markdown';

/** Each subgraph's one exhaustive map from domain error kind to client code (its `errors.ts`). */
export const subgraphErrorMaps: Record<SubgraphName, Readonly<Record<string, ErrorCode>>> = {
  profile: profileErrorCodes,
  ledger: ledgerErrorCodes,
  rewards: rewardsErrorCodes,
  campaign: campaignErrorCodes,
  engagement: engagementErrorCodes,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The TSDoc of every member of the subgraph's `*ErrorKind` enums, by the member's value. */
export function errorKindDocs(subgraph: SubgraphName): Map<string, string> {
  const docs = new Map<string, string>();
  for (const file of sourceFiles(path.join(projectRoot(), 'subgraphs', subgraph))) {
    const text = readFileSync(file, 'utf8');
    if (!/enum \w+ErrorKind\b/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (!ts.isEnumDeclaration(node) || !node.name.text.endsWith('ErrorKind')) return;
      for (const member of node.members) {
        const value = member.initializer && ts.isStringLiteral(member.initializer) ? member.initializer.text : null;
        const comment = ts
          .getJSDocCommentsAndTags(member)
          .map((doc) => (ts.isJSDoc(doc) ? ts.getTextOfJSDocComment(doc.comment) : undefined))
          .find(Boolean);
        if (value && comment) docs.set(value, comment.replace(/\s+/g, ' ').trim());
      }
    });
  }
  return docs;
}

export function errorsPage(): string {
  const subgraphs = Object.entries(subgraphErrorMaps) as Array<[SubgraphName, Record<string, ErrorCode>]>;
  const kinds = subgraphs.reduce((sum, [, map]) => sum + Object.keys(map).length, 0);
  const codes = [...Object.values(ErrorCode), ...requestErrorCodes];
  const sections = subgraphs.map(([subgraph, map]) => {
    const docs = errorKindDocs(subgraph);
    const rows = Object.entries(map).map(([kind, code]) => {
      const doc = docs.get(kind);
      if (!doc)
        throw new Error(`subgraphs/${subgraph}: the error kind ${kind} has no TSDoc comment to say what it means`);
      return [`\`${kind}\``, `\`${code}\``, doc];
    });
    return [`### ${subgraph}`, '', table(['`reason` (error kind)', '`code`', 'when'], rows)].join('\n');
  });
  return [
    '# Errors',
    '',
    generatedNotice("the subgraphs' `errors.ts` maps and `runtime/errors/errorCatalogue.ts`"),
    '',
    "Every refusal is a GraphQL error with an `extensions.code`. A refusal by a subgraph's domain",
    'also carries `extensions.reason`: the error kind, which tells apart the refusals that share a',
    `code. There are ${codes.length} codes and ${kinds} error kinds.`,
    '',
    '## Codes',
    '',
    table(
      ['`code`', 'when'],
      codes.map((code) => [`\`${code}\``, errorCodeMeanings[code]]),
    ),
    '',
    `\`${requestErrorCodes.join('`, `')}\` come from the servers themselves (the gateway, or a subgraph's`,
    'HTTP and WebSocket layers), not from a domain: they carry no `reason`.',
    '',
    'A field from a subgraph that is down comes back `null` with a `SERVICE_UNAVAILABLE` error naming',
    'the service, and the rest of the answer is there: `loyalty`, `rewards` and `offers` are nullable',
    'for that reason. Errors never carry stack traces or SQL.',
    '',
    '## Error kinds, per subgraph',
    '',
    'Each subgraph maps every kind of its domain errors to one code, in one exhaustive map',
    '(`subgraphs/<name>/errors.ts`); the TSDoc of each kind says when it happens.',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
