import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFencedBlocks, type FencedBlock } from './readmeBlocks';

/** A Markdown page of the project, by its path from the project folder. */
export interface MarkdownPage {
  file: string;
  text: string;
  blocks: FencedBlock[];
}

export function readPage(projectRoot: string, file: string): MarkdownPage {
  const text = readFileSync(path.join(projectRoot, file), 'utf8');
  return { file, text, blocks: readFencedBlocks(text, file) };
}

/**
 * Every page under docs/, getting started first (the others' examples go on from its variables),
 * then in path order.
 */
export function docsPages(projectRoot: string): MarkdownPage[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return walk(relative);
      return entry.name.endsWith('.md') ? [relative] : [];
    });
  const first = 'docs/getting-started.md';
  const files = walk('docs').sort((a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b));
  return files.map((file) => readPage(projectRoot, file));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a page's headings make (outside fenced blocks). */
export function pageAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(headingAnchor(heading[1]!));
  }
  return anchors;
}

/** Relative links of a page, `[text](target)`, outside fenced blocks and code spans. */
export function relativeLinks(text: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (!/^[a-z]+:/.test(target)) links.push({ target, line: index + 1 });
    }
  });
  return links;
}
