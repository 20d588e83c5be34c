import type { AnyEventContract, Decoder } from '../../runtime/events/eventContract';
import { eventCatalogue } from '../../subgraphs/eventCatalogue';
import { eventConsumers } from '../../subgraphs/eventConsumers';
import { subgraphNames } from '../../subgraphs/registry';
import { generatedNotice, table } from './markdown';

/** A payload's fields as rows, nested objects flattened (`lines[].sku`). */
function fieldRows(decoder: Decoder<unknown>, prefix = ''): string[][] {
  return Object.entries(decoder.fields ?? {}).flatMap(([name, field]) => {
    const pathName = `${prefix}${name}${field.describe.startsWith('array of') ? '[]' : ''}`;
    const row = [`\`${pathName}\``, field.describe, field.optional ? 'no' : 'yes', field.description ?? ''];
    return [row, ...fieldRows(field, `${pathName}.`)];
  });
}

const consumersOf = (contract: AnyEventContract) =>
  eventConsumers.filter((consumer) => consumer.reads.includes(contract));

function consumerList(contract: AnyEventContract): string {
  const consumers = consumersOf(contract);
  return consumers.length === 0 ? 'none' : consumers.map((c) => `${c.subgraph} ${c.name}`).join('; ');
}

function eventSection(contract: AnyEventContract): string {
  const latest = contract.versions[contract.versions.length - 1]!;
  const older = contract.versions.slice(0, -1);
  return [
    `### ${contract.type}`,
    '',
    contract.description,
    '',
    `Version ${contract.version} · \`aggregateId\`: ${contract.aggregate} · read by: ${consumerList(contract)}.`,
    ...contract.versions.slice(1).flatMap((version) => ['', `Version ${version.version}: ${version.description}`]),
    '',
    table(['field', 'type', 'always present', 'meaning'], fieldRows(latest.payload)),
    ...older.flatMap((version) => [
      '',
      `Version ${version.version}, still read: consumers decode it upgraded to version ${contract.version}.`,
      '',
      table(['field', 'type', 'always present', 'meaning'], fieldRows(version.payload)),
    ]),
  ].join('\n');
}

export function eventsPage(): string {
  const all = subgraphNames.flatMap((owner) => Object.values(eventCatalogue[owner]));
  const sections = subgraphNames
    .filter((owner) => Object.keys(eventCatalogue[owner]).length > 0)
    .map((owner) => [`## ${owner}`, '', ...Object.values(eventCatalogue[owner]).map(eventSection)].join('\n\n'));
  return [
    '# Events',
    '',
    generatedNotice("each subgraph's `contract/events.ts`, gathered in `subgraphs/eventCatalogue.ts`"),
    '',
    'Every change a subgraph commits writes an event to its outbox (its own `events` table) in the same',
    "transaction. Other subgraphs follow the outbox from a saved cursor; the gateway's subscriptions and",
    "the engagement subgraph's webhooks deliver events to clients. Each event type is declared once, by",
    'its producer, with a decoder per version: writers build events through it and consumers decode with',
    "the producer's decoder, so a field renamed by the producer fails the contracts test",
    '(`test/contracts/eventContracts.test.ts`) rather than a consumer at run time.',
    '',
    'Changing a payload in a way an old reader would misread (removing, renaming or retyping a field)',
    'is a new version: the producer declares it with `upgradedTo`, writes it from then on, and says how',
    'an event of the previous version reads as the new one; consumers keep reading both. Adding an',
    'optional field needs no new version.',
    '',
    table(
      ['event', 'producer', 'version', 'read by'],
      all.map((contract) => [
        `[${contract.type}](#${contract.type.toLowerCase()})`,
        contract.owner,
        String(contract.version),
        consumerList(contract),
      ]),
    ),
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
