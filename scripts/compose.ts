import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSchemaFiles, staleSchemaFiles } from '../gateway/composition/generateSchemaFiles';
import { projectRoot } from '../runtime/config/projectRoot';

/** `npm run compose` writes schema/; `npm run compose -- --check` fails when schema/ is stale. */
async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleSchemaFiles();
    if (stale.length > 0) {
      console.error(`schema/ is stale (${stale.join(', ')}): run \`npm run compose\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log('schema/ is up to date');
    return;
  }
  for (const [file, content] of await generateSchemaFiles()) {
    const target = path.join(projectRoot(), file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
