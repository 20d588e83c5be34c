/**
 * How the fenced blocks of the README and of docs/ are run by test/readme/readmeExamples.test.ts.
 * A block runs as it is unless an HTML comment on the line before its fence says otherwise:
 *
 * - `<!-- readme-example: background -->` keeps running while the next blocks run (a subscriber
 *   printing one JSON line per event, as in a terminal of its own);
 * - `<!-- readme-example: expect-error CODE -->` shows a refusal: its answers carry that
 *   `extensions.code`;
 * - `<!-- readme-example: skip why -->` cannot run in a test (it starts the graph, runs the
 *   tests, takes minutes); the reason is required.
 */
export type ExampleMode =
  { kind: 'run' } | { kind: 'background' } | { kind: 'expect-error'; code: string } | { kind: 'skip'; reason: string };

export interface FencedBlock {
  /** 1-based line of the opening fence in the Markdown file. */
  line: number;
  language: string;
  /** The block's text, without the fences and the indentation of a block inside a list item. */
  text: string;
  mode: ExampleMode;
}

const fence = /^(\s*)```(\S*)\s*$/;
const directive = /^\s*<!--\s*readme-example:\s*(.*?)\s*-->\s*$/;

function readMode(comment: string, line: number, file: string): ExampleMode {
  const [kind = '', ...words] = comment.split(/\s+/);
  const rest = words.join(' ');
  if (kind === 'background' && !rest) return { kind };
  if (kind === 'expect-error' && /^[A-Z_]+$/.test(rest)) return { kind, code: rest };
  if (kind === 'skip' && rest) return { kind, reason: rest };
  throw new Error(
    `${file} line ${line}: "readme-example: ${comment}" is none of background, expect-error CODE, skip <reason>`,
  );
}

/** Every fenced block of a Markdown document (`file` names it in errors), in document order. */
export function readFencedBlocks(markdown: string, file = 'README.md'): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = fence.exec(lines[index]!);
    if (!opening) continue;
    const indent = opening[1]!;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !fence.test(lines[index]!); index++) {
      const text = lines[index]!;
      body.push(text.startsWith(indent) ? text.slice(indent.length) : text);
    }
    if (index >= lines.length) throw new Error(`${file} line ${start + 1}: a fenced block is never closed`);
    let previous = start - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous--;
    const comment = previous >= 0 ? directive.exec(lines[previous]!) : null;
    blocks.push({
      line: start + 1,
      language: opening[2]!,
      text: body.join('\n'),
      mode: comment ? readMode(comment[1]!, previous + 1, file) : { kind: 'run' },
    });
  }
  return blocks;
}
