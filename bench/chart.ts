export interface ChartRow {
  label: string;
  /** Shown after the bars, e.g. "97 req/s". */
  note: string;
  /** Throughput, drawn as a bar beside the note, to scale within the section. */
  perSecond?: number;
  medianMs: number;
  p99Ms: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A horizontal bar chart of median and p99 latency per scenario, with each scenario's throughput
 * as a bar beside it, as a standalone SVG (no library, so the bench adds no dependency).
 */
export function latencyChart(title: string, sections: Array<{ heading: string; rows: ChartRow[] }>): string {
  const labelWidth = 420;
  const barWidth = 360;
  const noteWidth = 230;
  const throughputWidth = 90;
  const rowHeight = 34;
  const width = labelWidth + barWidth + noteWidth;
  const max = Math.max(1, ...sections.flatMap((section) => section.rows.map((row) => row.p99Ms)));
  const scale = (ms: number) => Math.max(1, (ms / max) * barWidth);
  const parts: string[] = [];
  let y = 56;
  for (const section of sections) {
    parts.push(`<text x="10" y="${y}" class="heading">${escape(section.heading)}</text>`);
    y += 14;
    const maxPerSecond = Math.max(1, ...section.rows.map((row) => row.perSecond ?? 0));
    for (const row of section.rows) {
      if (row.perSecond !== undefined) {
        const length = Math.max(1, (row.perSecond / maxPerSecond) * throughputWidth);
        parts.push(
          `<rect x="${labelWidth + barWidth + 20}" y="${y + 11}" width="${length.toFixed(1)}" height="12" class="throughput"/>`,
        );
      }
      parts.push(
        `<text x="10" y="${y + 17}" class="label">${escape(row.label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 4}" width="${scale(row.p99Ms).toFixed(1)}" height="12" class="p99"/>`,
        `<rect x="${labelWidth}" y="${y + 18}" width="${scale(row.medianMs).toFixed(1)}" height="12" class="median"/>`,
        `<text x="${labelWidth + scale(row.p99Ms) + 4}" y="${y + 14}" class="value">${row.p99Ms.toFixed(1)} ms</text>`,
        `<text x="${labelWidth + scale(row.medianMs) + 4}" y="${y + 28}" class="value">${row.medianMs.toFixed(1)} ms</text>`,
        `<text x="${width - 10}" y="${y + 22}" class="note">${escape(row.note)}</text>`,
      );
      y += rowHeight;
    }
    y += 16;
  }
  const height = y + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<style>
  .title { font-size: 16px; font-weight: 600; }
  .heading { font-size: 13px; font-weight: 600; fill: #333; }
  .label { font-size: 12px; fill: #222; }
  .value { font-size: 10px; fill: #444; }
  .note { font-size: 12px; fill: #222; text-anchor: end; }
  .p99 { fill: #f4a259; }
  .median { fill: #3d7ab8; }
  .throughput { fill: #6bb36b; }
  .legend { font-size: 11px; fill: #444; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" class="title">${escape(title)}</text>
<rect x="${labelWidth}" y="30" width="10" height="10" class="median"/><text x="${labelWidth + 14}" y="39" class="legend">median</text>
<rect x="${labelWidth + 70}" y="30" width="10" height="10" class="p99"/><text x="${labelWidth + 84}" y="39" class="legend">p99</text>
<rect x="${labelWidth + barWidth + 20}" y="30" width="10" height="10" class="throughput"/><text x="${labelWidth + barWidth + 34}" y="39" class="legend">throughput (per section)</text>
${parts.join('\n')}
</svg>
`;
}
