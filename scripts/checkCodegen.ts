import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { projectRoot } from '../runtime/config/projectRoot';

/** Fails when the generated SDKs (`examples/sdk/`, `apps/console/sdk/`, `apps/wallet/sdk/`, `apps/pos/sdk/`) differ from what codegen.yml generates from schema/api.graphql now. */
async function main(): Promise<void> {
  const root = projectRoot();
  const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.yml') });
  const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as Array<{
    filename: string;
    content: string;
  }>;
  const stale = outputs.filter(({ filename, content }) => {
    try {
      return readFileSync(path.resolve(root, filename), 'utf8') !== content;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(
      `generated code is stale (${stale.map((o) => o.filename).join(', ')}): run \`npm run codegen\` and commit the result.`,
    );
    process.exitCode = 1;
    return;
  }
  console.log('generated code (examples/sdk, apps/console/sdk, apps/wallet/sdk, apps/pos/sdk) is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
