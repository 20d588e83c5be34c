import { useEffect, useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, SelectField, TextField, ToggleGroup } from '../../../ui/components.js';
import { formatDate, formatNumber } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import {
  ConsoleBadgesDocument,
  ConsoleDefineBadgeDocument,
  ConsoleEarnRatesDocument,
  ConsoleSetEarnRateDocument,
  ConsoleRetireBadgeDocument,
  ConsoleSetTierProgramDocument,
  ConsoleTierProgramDocument,
  type BadgeCounting,
  type BadgePeriod,
  type BadgeStreakUnit,
  type ConsoleBadgeFieldsFragment,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel, keyFromName, knownChannels } from '../labels.js';
import { useGraph, useQuery } from '../useGraph.js';
import { ReferralProgram } from './ReferralProgram.js';

/** The program's structure: earning, tiers and how they are kept, referral rules, and the badges members collect. */
export function Program() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('program.title')}</h1>
      <Earning />
      <Tiers />
      <ReferralProgram />
      <Badges />
    </>
  );
}

/** The minor units of a currency (2 for GBP, 0 for JPY), as Intl knows them. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The base earn rate per currency: points for every so much spent, before campaigns and tiers. */
function Earning() {
  const { t } = useI18n();
  const graph = useGraph();
  const loaded = useQuery(ConsoleEarnRatesDocument, {});
  const [currency, setCurrency] = useState('');
  const [points, setPoints] = useState('1');
  const [perAmount, setPerAmount] = useState('1.00');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const code = currency.trim().toUpperCase();
  const digits = minorDigits(/^[A-Z]{3}$/.test(code) ? code : 'EUR');
  const amount = Number(perAmount.trim().replace(',', '.'));
  const minor = Math.round(amount * 10 ** digits);
  const problems = {
    currency: /^[A-Z]{3}$/.test(code) ? undefined : t('earning.currencyProblem'),
    points: /^\d+$/.test(points.trim()) && Number(points) >= 1 ? undefined : t('earning.pointsProblem'),
    perAmount: Number.isFinite(amount) && minor >= 1 ? undefined : t('earning.amountProblem'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    try {
      const { setEarnRate } = await graph.request(ConsoleSetEarnRateDocument, {
        input: { currency: code, points: Number(points), perAmount: minor },
      });
      setDone(t('earning.saved', { description: setEarnRate.description }));
      setAttempted(false);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const rates = loaded.data?.earnRates ?? [];
  return (
    <Card title={t('earning.title')}>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      {!loaded.data ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : rates.length === 0 ? (
        <p className="muted">{t('earning.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('earning.currency')}</th>
              <th scope="col">{t('earning.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((rate) => (
              <tr key={rate.currency}>
                <td>{rate.currency}</td>
                <td>{rate.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label={t('earning.new')} noValidate>
        <h3>{t('earning.new')}</h3>
        <div className="form-grid">
          <TextField
            label={t('earning.currency')}
            hint={t('earning.currencyHint')}
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
            error={attempted ? problems.currency : undefined}
          />
          <TextField
            label={t('earning.points')}
            inputMode="numeric"
            value={points}
            onChange={(event) => setPoints(event.target.value)}
            error={attempted ? problems.points : undefined}
          />
          <TextField
            label={t('earning.perAmount', { currency: code || '…' })}
            hint={t('earning.perAmountHint')}
            inputMode="decimal"
            value={perAmount}
            onChange={(event) => setPerAmount(event.target.value)}
            error={attempted ? problems.perAmount : undefined}
          />
        </div>
        <Button type="submit" busy={busy}>
          {t('earning.save')}
        </Button>
        <div aria-live="polite">
          {done && <Notice tone="success">{done}</Notice>}
          {error !== undefined && <ErrorNotice error={error} />}
        </div>
      </form>
    </Card>
  );
}

interface TierRow {
  name: string;
  qualifyingPoints: string;
  multiplierPercent: string;
}

function Tiers() {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const loaded = useQuery(ConsoleTierProgramDocument, {});
  const [windowMonths, setWindowMonths] = useState('12');
  const [rows, setRows] = useState<TierRow[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const program = loaded.data?.tierProgram;
  useEffect(() => {
    if (!loaded.data) return;
    setWindowMonths(String(program?.windowMonths ?? 12));
    setRows(
      (program?.tiers ?? []).map((tier) => ({
        name: tier.name,
        qualifyingPoints: String(tier.qualifyingPoints),
        multiplierPercent: String(tier.multiplierPercent),
      })),
    );
  }, [loaded.data, program]);
  const whole = (text: string) => /^\d+$/.test(text.trim());
  const rowProblems = rows.map((row, index) => ({
    name: row.name.trim() ? undefined : t('problem.required'),
    qualifyingPoints: !whole(row.qualifyingPoints)
      ? t('problem.wholeNumber')
      : index === 0 && Number(row.qualifyingPoints) !== 0
        ? t('program.firstTier')
        : index > 0 && Number(row.qualifyingPoints) <= Number(rows[index - 1]!.qualifyingPoints)
          ? t('program.tierOrder')
          : undefined,
    multiplierPercent: whole(row.multiplierPercent) ? undefined : t('problem.wholeNumber'),
  }));
  const windowProblem = whole(windowMonths) && Number(windowMonths) > 0 ? undefined : t('problem.wholeNumber');
  const duplicate = rows.find(
    (row, index) => rows.findIndex((other) => other.name.trim() === row.name.trim()) !== index,
  );
  const invalid =
    windowProblem !== undefined ||
    rows.length === 0 ||
    duplicate !== undefined ||
    rowProblems.some((row) => Object.values(row).some(Boolean));
  const change = (index: number, field: keyof TierRow, value: string) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, [field]: value } : row)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (invalid) return;
    setBusy(true);
    setError(undefined);
    try {
      await graph.request(ConsoleSetTierProgramDocument, {
        input: {
          windowMonths: Number(windowMonths),
          tiers: rows.map((row) => ({
            name: row.name.trim(),
            qualifyingPoints: Number(row.qualifyingPoints),
            multiplierPercent: Number(row.multiplierPercent),
          })),
        },
      });
      setDone(t('program.tiersSaved'));
      setAttempted(false);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('program.tiers')}>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      {!loaded.data ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} aria-label={t('program.tiers')} noValidate>
          <p className="muted">
            {program
              ? t('program.tiersNow', {
                  tiers: program.tiers
                    .map((tier) => `${tier.name} (${formatNumber(locale, tier.qualifyingPoints)})`)
                    .join(' → '),
                  months: program.windowMonths,
                })
              : t('program.noTiers')}
          </p>
          <TextField
            label={t('program.windowMonths')}
            hint={t('program.windowMonthsHint')}
            inputMode="numeric"
            value={windowMonths}
            onChange={(event) => setWindowMonths(event.target.value)}
            error={attempted ? windowProblem : undefined}
          />
          {rows.map((row, index) => (
            <fieldset className="tier-row" key={index}>
              <legend>{t('program.tierNumber', { number: index + 1 })}</legend>
              <div className="form-grid">
                <TextField
                  label={t('program.tierName')}
                  value={row.name}
                  onChange={(event) => change(index, 'name', event.target.value)}
                  error={attempted ? rowProblems[index]!.name : undefined}
                />
                <TextField
                  label={t('program.tierPoints')}
                  inputMode="numeric"
                  value={row.qualifyingPoints}
                  onChange={(event) => change(index, 'qualifyingPoints', event.target.value)}
                  error={attempted ? rowProblems[index]!.qualifyingPoints : undefined}
                />
                <TextField
                  label={t('program.tierMultiplier')}
                  hint={t('program.tierMultiplierHint')}
                  inputMode="numeric"
                  value={row.multiplierPercent}
                  onChange={(event) => change(index, 'multiplierPercent', event.target.value)}
                  error={attempted ? rowProblems[index]!.multiplierPercent : undefined}
                />
              </div>
              <Button
                variant="ghost"
                onClick={() => setRows(rows.filter((_, at) => at !== index))}
                aria-label={t('program.removeTierLabel', { name: row.name || String(index + 1) })}
              >
                {t('program.removeTier')}
              </Button>
            </fieldset>
          ))}
          {attempted && rows.length === 0 && <p className="field-error">{t('program.needsTier')}</p>}
          {attempted && duplicate && (
            <p className="field-error">{t('program.duplicateTier', { name: duplicate.name.trim() })}</p>
          )}
          <div className="actions">
            <Button
              variant="secondary"
              onClick={() =>
                setRows([
                  ...rows,
                  { name: '', qualifyingPoints: rows.length === 0 ? '0' : '', multiplierPercent: '100' },
                ])
              }
            >
              {t('program.addTier')}
            </Button>
            <Button type="submit" busy={busy}>
              {t('program.saveTiers')}
            </Button>
          </div>
          <div aria-live="polite">
            {done && <Notice tone="success">{done}</Notice>}
            {error !== undefined && <ErrorNotice error={error} />}
          </div>
        </form>
      )}
    </Card>
  );
}

/** A badge's rule in words: "3 purchases · in a month · in store", "a 4-week streak". */
function badgeRuleWords(t: Translate, badge: ConsoleBadgeFieldsFragment): string {
  const rule = badge.rule;
  const what =
    rule.event === 'CUSTOM_EVENT'
      ? t('badges.rule.events', { count: rule.count, type: rule.eventTrigger?.eventType ?? '?' })
      : t(`badges.rule.${rule.counting}`, { count: rule.count });
  const parts = [
    rule.streak ? t(`badges.rule.streak.${rule.streak}`, { count: rule.count }) : what,
    !rule.streak && rule.withinDays != null && t('badges.rule.withinDays', { count: rule.withinDays }),
    !rule.streak && rule.withinDays == null && rule.period !== 'EVER' && t(`badges.rule.period.${rule.period}`),
    rule.channels.length > 0 && rule.channels.map((channel) => channelLabel(t, channel)).join(' / '),
    rule.storeId && t('badges.rule.store', { store: rule.storeId }),
  ].filter((part): part is string => typeof part === 'string');
  return parts.join(' · ');
}

function Badges() {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const loaded = useQuery(ConsoleBadgesDocument, {});
  const [error, setError] = useState<unknown>();
  const retire = async (badge: ConsoleBadgeFieldsFragment) => {
    if (!window.confirm(t('badges.confirmRetire', { name: badge.name }))) return;
    setError(undefined);
    try {
      await graph.request(ConsoleRetireBadgeDocument, { key: badge.key });
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const badges = loaded.data?.badges ?? [];
  return (
    <>
      <Card title={t('badges.title')}>
        {(loaded.error ?? error) !== undefined && <ErrorNotice error={loaded.error ?? error} />}
        {!loaded.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : badges.length === 0 ? (
          <p>{t('badges.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('badges.name')}</th>
                  <th scope="col" className="number">
                    {t('badges.points')}
                  </th>
                  <th scope="col" className="number">
                    {t('badges.earnedBy')}
                  </th>
                  <th scope="col">{t('badges.status')}</th>
                </tr>
              </thead>
              <tbody>
                {badges.map((badge) => (
                  <tr key={badge.key}>
                    <td>
                      <strong>{badge.name}</strong>
                      <div className="muted">{badgeRuleWords(t, badge)}</div>
                      {badge.endsAt && (
                        <div className="muted">{t('badges.until', { date: formatDate(locale, badge.endsAt) })}</div>
                      )}
                    </td>
                    <td className="number">{formatNumber(locale, badge.pointsOnCompletion)}</td>
                    <td className="number">{formatNumber(locale, badge.earnedBy)}</td>
                    <td>
                      {badge.retiredAt ? (
                        <Pill>{t('badges.retired')}</Pill>
                      ) : (
                        <>
                          <Pill tone="good">{t('badges.active')}</Pill>{' '}
                          <Button
                            variant="ghost"
                            onClick={() => void retire(badge)}
                            aria-label={t('badges.retireLabel', { name: badge.name })}
                          >
                            {t('badges.retire')}
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <NewBadge onDefined={loaded.reload} />
    </>
  );
}

type BadgeShape = 'COUNT' | 'STREAK';

function NewBadge({ onDefined }: { onDefined(): void }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [shape, setShape] = useState<BadgeShape>('COUNT');
  const [count, setCount] = useState('3');
  const [counting, setCounting] = useState<BadgeCounting>('PURCHASES');
  const [period, setPeriod] = useState<BadgePeriod>('EVER');
  const [streak, setStreak] = useState<BadgeStreakUnit>('WEEK');
  const [channels, setChannels] = useState<string[]>([]);
  const [points, setPoints] = useState('0');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = keyFromName(name);
  const whole = (text: string) => /^\d+$/.test(text.trim());
  const problems = {
    name: key.length >= 2 ? undefined : t('problem.required'),
    count: whole(count) && Number(count) >= 1 && Number(count) <= 1000 ? undefined : t('badges.countProblem'),
    points: whole(points) ? undefined : t('problem.wholeNumber'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    try {
      const { defineBadge } = await graph.request(ConsoleDefineBadgeDocument, {
        input: {
          key,
          name: name.trim(),
          description: description.trim() || undefined,
          pointsOnCompletion: Number(points),
          rule:
            shape === 'STREAK'
              ? { count: Number(count), streak, channels }
              : { count: Number(count), counting, period, channels },
        },
      });
      setDone(t('badges.defined', { name: defineBadge.name }));
      setName('');
      setDescription('');
      setAttempted(false);
      onDefined();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('badges.new')}>
      <form onSubmit={(event) => void submit(event)} aria-label={t('badges.new')} noValidate>
        <div className="form-grid">
          <TextField
            label={t('badges.name')}
            hint={key ? t('segments.key', { key }) : undefined}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={attempted ? problems.name : undefined}
          />
          <TextField
            label={t('badges.description')}
            hint={t('badges.descriptionHint')}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
          <SelectField
            label={t('badges.shape')}
            value={shape}
            onChange={(event) => setShape(event.target.value as BadgeShape)}
            options={[
              { value: 'COUNT', label: t('badges.shape.COUNT') },
              { value: 'STREAK', label: t('badges.shape.STREAK') },
            ]}
          />
          <TextField
            label={shape === 'STREAK' ? t('badges.streakLength') : t('badges.count')}
            inputMode="numeric"
            value={count}
            onChange={(event) => setCount(event.target.value)}
            error={attempted ? problems.count : undefined}
          />
          {shape === 'STREAK' ? (
            <SelectField
              label={t('badges.streakUnit')}
              value={streak}
              onChange={(event) => setStreak(event.target.value as BadgeStreakUnit)}
              options={(['DAY', 'WEEK', 'MONTH'] as const).map((value) => ({
                value,
                label: t(`badges.streakUnit.${value}`),
              }))}
            />
          ) : (
            <>
              <SelectField
                label={t('badges.counting')}
                value={counting}
                onChange={(event) => setCounting(event.target.value as BadgeCounting)}
                options={(['PURCHASES', 'CHANNELS', 'STORES'] as const).map((value) => ({
                  value,
                  label: t(`badges.counting.${value}`),
                }))}
              />
              <SelectField
                label={t('badges.period')}
                value={period}
                onChange={(event) => setPeriod(event.target.value as BadgePeriod)}
                options={(['EVER', 'WEEK', 'MONTH'] as const).map((value) => ({
                  value,
                  label: t(`badges.periodChoice.${value}`),
                }))}
              />
            </>
          )}
          <TextField
            label={t('badges.pointsOnCompletion')}
            inputMode="numeric"
            value={points}
            onChange={(event) => setPoints(event.target.value)}
            error={attempted ? problems.points : undefined}
          />
        </div>
        <ToggleGroup
          label={t('badges.channels')}
          hint={t('badges.channelsHint')}
          options={knownChannels.map((value) => ({ value, label: channelLabel(t, value) }))}
          selected={channels}
          onChange={setChannels}
        />
        <p className="muted">{t('badges.moreInApi')}</p>
        <Button type="submit" busy={busy}>
          {t('badges.define')}
        </Button>
        <div aria-live="polite">
          {done && <Notice tone="success">{done}</Notice>}
          {error !== undefined && <ErrorNotice error={error} />}
        </div>
      </form>
    </Card>
  );
}
