import {
  DashboardCurrenciesDocument,
  DashboardPeriodDocument,
  DashboardRefreshDocument,
  DashboardWeekDocument,
  type DashboardPeriodQuery,
  type DashboardWeekQuery,
} from '../sdk/graphql.js';
import { element, showError, signIn, type Graph } from '../shared/graph.js';
import { channelName, formatMoney as money, formatRecentDay, locale } from '../shared/format.js';

type Period = DashboardPeriodQuery;
type Week = DashboardWeekQuery['programMetrics'];
const dayMs = 86_400_000;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const weekLabel = (start: Date) => formatRecentDay(start);
const count = (n: number) => n.toLocaleString(locale);
const sentence = (words: string) => words[0]!.toUpperCase() + words.slice(1);

/** Mondays at 00:00 UTC: the start of each of the last `weeks` weeks, the current one last. */
function weekStarts(weeks: number, now = new Date()): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * dayMs;
  return Array.from({ length: weeks }, (_, i) => new Date(monday - (weeks - 1 - i) * 7 * dayMs));
}

function tile(label: string, value: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'tile';
  box.append(
    Object.assign(document.createElement('span'), { className: 'muted', textContent: label }),
    Object.assign(document.createElement('strong'), { textContent: value }),
  );
  return box;
}

/**
 * Bars for `bars` and, when given, a line for `line`, as inline SVG. The line has its own scale
 * unless it measures the same thing as the bars (`sameScale`).
 */
function chart(
  labels: string[],
  bars: number[],
  barLabel: string,
  line?: { values: number[]; label: string; sameScale?: boolean },
): string {
  const width = 640;
  const height = 200;
  const left = 40;
  const bottom = 24;
  const step = (width - left) / Math.max(1, labels.length);
  const top = Math.max(1, ...bars);
  const lineTop = line?.sameScale ? Math.max(top, ...line.values) : Math.max(1, ...(line?.values ?? [1]));
  const barTop = line?.sameScale ? lineTop : top;
  const y = (value: number, max: number) => height - bottom - (value / max) * (height - bottom - 16);
  const rects = bars
    .map((value, i) => {
      const x = left + i * step + step * 0.15;
      return `<rect class="bar" x="${x.toFixed(1)}" y="${y(value, barTop).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${(height - bottom - y(value, barTop)).toFixed(1)}"><title>${labels[i]}: ${value}</title></rect>`;
    })
    .join('');
  const ticks = labels
    .map((label, i) =>
      i % Math.ceil(labels.length / 6) === 0
        ? `<text class="tick" x="${(left + i * step + step / 2).toFixed(1)}" y="${height - 6}">${label}</text>`
        : '',
    )
    .join('');
  const path = line
    ? `<polyline class="line" points="${line.values.map((value, i) => `${(left + i * step + step / 2).toFixed(1)},${y(value, lineTop).toFixed(1)}`).join(' ')}"/>`
    : '';
  const legend = `<text class="legend" x="${left}" y="12">▮ ${barLabel}${line ? ` · ━ ${line.label}` : ''}</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${barLabel}">${legend}${rects}${path}${ticks}</svg>`;
}

async function show(graph: Graph, weeks: number, currency: string): Promise<void> {
  // The aggregates follow the ledger every few seconds; fold what is new so the page is current.
  const { refreshProgramMetrics } = await graph.request(DashboardRefreshDocument, {});
  const starts = weekStarts(weeks);
  const end = new Date(starts[starts.length - 1]!.getTime() + 7 * dayMs);
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString(), currency });
  const [whole, perWeek] = await Promise.all([
    graph.request(DashboardPeriodDocument, range(starts[0]!, end)),
    Promise.all(
      starts.map((start) =>
        graph
          .request(DashboardWeekDocument, range(start, new Date(start.getTime() + 7 * dayMs)))
          .then((week) => week.programMetrics),
      ),
    ),
  ]);
  render(whole, perWeek, starts, currency);
  element('freshness').textContent = `Figures include ledger events up to #${refreshProgramMetrics.lastEventId}.`;
}

/** Rows of plain text cells for a table's body. */
function fillTable(id: string, rows: string[][]): void {
  element(id)
    .querySelector('tbody')!
    .replaceChildren(
      ...rows.map((cells) => {
        const row = document.createElement('tr');
        for (const text of cells) row.append(Object.assign(document.createElement('td'), { textContent: text }));
        return row;
      }),
    );
}

const npsText = (nps: { score: number | null; responses: number }) =>
  nps.score === null ? 'no answers' : `${nps.score} (${nps.responses})`;

function render(period: Period, perWeek: Week[], starts: Date[], currency: string): void {
  const whole = period.programMetrics;
  element('dashboard').hidden = false;
  element('tiles').replaceChildren(
    tile('Members', count(whole.members)),
    tile('Enrolled in the range', count(whole.membersEnrolled)),
    tile('Active members', count(whole.activeMembers)),
    tile('Purchases', count(whole.purchases)),
    tile('Net spend', money(whole.netSpend, currency)),
    tile('Average order', money(whole.averageOrderValue, currency)),
    tile('Purchases per member', whole.purchaseFrequency.toFixed(2)),
    tile('Multi-channel members', percent(whole.multiChannelShare)),
    tile('Spend per multi-channel member', money(whole.multiChannelAverageSpend, currency)),
    tile('Spend per single-channel member', money(whole.singleChannelAverageSpend, currency)),
    tile('CLV per multi-channel member', money(whole.multiChannelAverageClv, currency)),
    tile('CLV per single-channel member', money(whole.singleChannelAverageClv, currency)),
    tile('Points issued', count(whole.pointsIssued)),
    tile('Redemption rate', percent(whole.redemptionRate)),
    tile('Points outstanding', count(whole.pointsOutstanding)),
    tile('Churn rate', whole.churnBase > 0 ? percent(whole.churnRate) : 'no earlier buyers'),
    tile('NPS', npsText(whole.nps)),
    ...whole.npsByChannel.map(({ channel, nps }) => tile(`NPS ${channelName(channel)}`, npsText(nps))),
  );
  const labels = starts.map(weekLabel);
  element('spend-chart').innerHTML = chart(
    labels,
    perWeek.map((week) => week.netSpend / 100),
    `net spend (${currency})`,
    { values: perWeek.map((week) => week.activeMembers), label: 'active members' },
  );
  element('points-chart').innerHTML = chart(
    labels,
    perWeek.map((week) => week.pointsIssued),
    'points issued',
    { values: perWeek.map((week) => week.pointsRedeemed), label: 'points redeemed', sameScale: true },
  );
  fillTable(
    'channels',
    whole.byChannel.map((channel) => [
      sentence(channelName(channel.key)),
      count(channel.activeMembers),
      count(channel.purchases),
      money(channel.netSpend, currency),
      money(channel.averageOrderValue, currency),
    ]),
  );
  fillTable(
    'segments',
    whole.bySegment.map((segment) => [
      segment.name,
      count(segment.members),
      count(segment.activeMembers),
      count(segment.purchases),
      money(segment.netSpend, currency),
    ]),
  );
  // Campaigns measure in the program's currency over their own run, not the dashboard's range: in
  // another currency's view their money stays out, so that one view never mixes two currencies.
  const sameCurrency = (performance: { currency: string }) => performance.currency === currency;
  const programCurrency = period.campaigns.edges[0]?.node.performance.currency;
  element('campaigns-currency').textContent =
    programCurrency && programCurrency !== currency
      ? `Campaign spend and cost count in ${programCurrency}, the program's currency: show ${programCurrency} to see them.`
      : '';
  fillTable(
    'campaigns',
    period.campaigns.edges.map(({ node }) => {
      const { performance } = node;
      const inView = (minorUnits: number) => (sameCurrency(performance) ? money(minorUnits, currency) : '–');
      return [
        node.name,
        sentence(node.status.toLowerCase()),
        `${node.holdoutPercent}%`,
        count(performance.membersReached),
        count(performance.pointsGranted),
        performance.incrementalSpend === null ? 'no holdout' : inView(performance.incrementalSpend),
        inView(performance.cost),
        performance.roi === null ? '–' : `${(performance.roi * 100).toFixed(0)}%`,
      ];
    }),
  );
}

/** The program's currency first, then the others it earns in; one in the address comes first of all. */
async function chooseCurrency(graph: Graph): Promise<string> {
  const { campaignProgram, earnRates } = await graph.request(DashboardCurrenciesDocument, {});
  const asked = new URLSearchParams(location.search).get('currency')?.toUpperCase();
  const currencies = [
    ...new Set([campaignProgram.currency, ...earnRates.map((rate) => rate.currency), ...(asked ? [asked] : [])]),
  ];
  const select = element<HTMLSelectElement>('currency');
  select.replaceChildren(
    ...currencies.map((code) =>
      Object.assign(document.createElement('option'), {
        value: code,
        textContent: code === campaignProgram.currency ? `${code} (the program's)` : code,
      }),
    ),
  );
  select.value = asked ?? campaignProgram.currency;
  return select.value;
}

const signedIn = signIn({ role: 'marketer' });
element<HTMLFormElement>('range').addEventListener('submit', (event) => {
  event.preventDefault();
  element('error').textContent = '';
  const weeks = Number(element<HTMLInputElement>('weeks').value);
  const currency = element<HTMLSelectElement>('currency').value;
  signedIn.then(({ graph }) => show(graph, weeks, currency)).catch(showError);
});
signedIn.then(async ({ graph }) => show(graph, 12, await chooseCurrency(graph))).catch(showError);
