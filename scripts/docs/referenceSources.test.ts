import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../runtime/config/projectRoot';
import { errorCodeMeanings } from '../../runtime/errors/errorCatalogue';
import { subgraphNames } from '../../subgraphs/registry';
import { errorKindDocs, subgraphErrorMaps } from './errorsPage';
import { settingsRegistries } from './settingsPage';

function sources(dir: string): string[] {
  return readdirSync(path.join(projectRoot(), dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['sdk', 'web', 'migrations'].includes(entry.name) ? [] : sources(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

const serviceSources = ['runtime', 'gateway', 'subgraphs', 'stack', 'scripts', 'examples/server'].flatMap(sources);

describe('the sources of the generated reference pages', () => {
  it('reads every environment variable through a settings registry, so the settings page lists it', () => {
    const readers = new Set(['runtime/config/env.ts', 'runtime/config/settings.ts']);
    const direct =
      /\benv(String|Integer|Url|Port|Required)\(|process\.env\.[A-Z_]|process\.env\[|\benv\.[A-Z_]{2,}|\benv\['[A-Z_]+'\]/;
    const offenders = serviceSources
      .filter((file) => !readers.has(file))
      .flatMap((file) =>
        readFileSync(path.join(projectRoot(), file), 'utf8')
          .split('\n')
          .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
          // The operating system's PATH is not a setting of ours.
          .filter(({ line }) => direct.test(line.replaceAll('env.PATH', '')) && !/^\s*(\*|\/\/|\/\*)/.test(line)),
      )
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('names each variable once per registry', () => {
    for (const registry of settingsRegistries) {
      const names = Object.values(registry.settings).map((setting) => setting.name);
      expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    }
  });

  it('says what every error code the servers answer with means', () => {
    const literal = /\bcode: '([A-Z_]+)'/g;
    const codes = new Set(
      serviceSources.flatMap((file) =>
        [...readFileSync(path.join(projectRoot(), file), 'utf8').matchAll(literal)].map((match) => match[1]!),
      ),
    );
    const unexplained = [...codes].filter((code) => !(code in errorCodeMeanings) && !/^E[A-Z]+$/.test(code));
    expect(unexplained).toEqual([]);
  });

  it('documents every error kind of every subgraph', () => {
    const undocumented = subgraphNames.flatMap((subgraph) => {
      const docs = errorKindDocs(subgraph);
      return Object.keys(subgraphErrorMaps[subgraph])
        .filter((kind) => !docs.has(kind))
        .map((kind) => `${subgraph}: ${kind}`);
    });
    expect(undocumented).toEqual([]);
  });
});
