import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';
import { errorsPage } from './docs/errorsPage';
import { eventsPage } from './docs/eventsPage';
import { rolesPage } from './docs/rolesPage';
import { settingsPage } from './docs/settingsPage';

/** The generated reference pages, formatted as `prettier --check` wants them. */
export async function generatedPages(): Promise<Array<[file: string, content: string]>> {
  const prettier = await import('prettier');
  const pages: Array<[string, string]> = [
    ['docs/reference/errors.md', errorsPage()],
    ['docs/reference/roles.md', await rolesPage()],
    ['docs/reference/settings.md', settingsPage()],
    ['docs/reference/events.md', eventsPage()],
  ];
  return Promise.all(
    pages.map(async ([file, text]) => {
      const target = path.join(projectRoot(), file);
      const options = (await prettier.resolveConfig(target)) ?? {};
      return [file, await prettier.format(text, { ...options, filepath: target })] as [string, string];
    }),
  );
}

/** `npm run docs` writes docs/reference/{errors,roles,settings,events}.md; `--check` fails when one is stale. */
async function main(): Promise<void> {
  const pages = await generatedPages();
  if (process.argv.includes('--check')) {
    const stale = pages.filter(([file, content]) => {
      try {
        return readFileSync(path.join(projectRoot(), file), 'utf8') !== content;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`${stale.map(([file]) => file).join(', ')} stale: run \`npm run docs\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log('docs/reference (errors, roles, settings, events) is up to date');
    return;
  }
  for (const [file, content] of pages) {
    const target = path.join(projectRoot(), file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
