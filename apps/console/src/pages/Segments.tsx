import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, TextField, ToggleGroup } from '../../../ui/components.js';
import { formatMoney, formatNumber } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import {
  ConsoleDefineSegmentDocument,
  ConsoleRemoveSegmentDocument,
  ConsoleSegmentsDocument,
  type ConsoleSegmentsQuery,
  type SegmentRuleInput,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel, keyFromName, knownChannels } from '../labels.js';
import { useGraph, useQuery } from '../useGraph.js';

type Segment = ConsoleSegmentsQuery['segments'][number];

/** A marketer's rule in words: "3+ purchases · bought within 30 days · in store". */
function ruleWords(t: Translate, locale: string, rule: Segment['rule'], currency: string): string {
  const parts = [
    rule.minPurchases != null && t('segments.rule.minPurchases', { count: rule.minPurchases }),
    rule.minSpend != null && t('segments.rule.minSpend', { amount: formatMoney(locale, rule.minSpend, currency) }),
    rule.purchasedWithinDays != null && t('segments.rule.within', { count: rule.purchasedWithinDays }),
    rule.notPurchasedForDays != null && t('segments.rule.notFor', { count: rule.notPurchasedForDays }),
    rule.channelsAny.length > 0 && rule.channelsAny.map((channel) => channelLabel(t, channel)).join(' / '),
    rule.tiers.length > 0 && rule.tiers.join(' / '),
  ].filter((part): part is string => typeof part === 'string');
  return parts.join(' · ');
}

/** Every segment with how many members it has now; marketers define and remove their own. */
export function Segments() {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const loaded = useQuery(ConsoleSegmentsDocument, {});
  const [error, setError] = useState<unknown>();
  const remove = async (segment: Segment) => {
    if (!window.confirm(t('segments.confirmRemove', { name: segment.name }))) return;
    setError(undefined);
    try {
      await graph.request(ConsoleRemoveSegmentDocument, { key: segment.key });
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const data = loaded.data;
  return (
    <>
      <h1>{t('segments.title')}</h1>
      {(loaded.error ?? error) !== undefined && <ErrorNotice error={loaded.error ?? error} />}
      <Card title={t('segments.all')}>
        {!data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('segments.name')}</th>
                  <th scope="col" className="number">
                    {t('segments.members')}
                  </th>
                  <th scope="col">{t('segments.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {data.segments.map((segment) => (
                  <tr key={segment.key}>
                    <td>
                      <strong>{segment.name}</strong>
                      <div className="muted">
                        {segment.builtIn
                          ? segment.description
                          : ruleWords(t, locale, segment.rule, data.campaignProgram.currency)}
                      </div>
                    </td>
                    <td className="number">{formatNumber(locale, segment.members)}</td>
                    <td>
                      {segment.builtIn ? (
                        <Pill tone="info">{t('segments.builtIn')}</Pill>
                      ) : (
                        <Button
                          variant="ghost"
                          onClick={() => void remove(segment)}
                          aria-label={t('segments.remove', { name: segment.name })}
                        >
                          {t('segments.removeShort')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {data && (
        <NewSegment
          tiers={(data.tierProgram?.tiers ?? []).map((tier) => tier.name)}
          currency={data.campaignProgram.currency}
          onDefined={loaded.reload}
        />
      )}
    </>
  );
}

function NewSegment({ tiers, currency, onDefined }: { tiers: string[]; currency: string; onDefined(): void }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [name, setName] = useState('');
  const [minPurchases, setMinPurchases] = useState('');
  const [minSpend, setMinSpend] = useState('');
  const [within, setWithin] = useState('');
  const [notFor, setNotFor] = useState('');
  const [channels, setChannels] = useState<string[]>([]);
  const [chosenTiers, setChosenTiers] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const whole = (text: string) => !text.trim() || /^\d+$/.test(text.trim());
  const key = keyFromName(name);
  const problems = {
    name: key.length >= 2 ? undefined : t('problem.required'),
    minPurchases: whole(minPurchases) ? undefined : t('problem.wholeNumber'),
    minSpend: !minSpend.trim() || Number(minSpend) >= 0 ? undefined : t('problem.wholeNumber'),
    within: whole(within) ? undefined : t('problem.wholeNumber'),
    notFor: whole(notFor) ? undefined : t('problem.wholeNumber'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (Object.values(problems).some(Boolean)) return;
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const number = (text: string) => (text.trim() ? Number(text) : null);
    const rule: SegmentRuleInput = {
      minPurchases: number(minPurchases),
      minSpend: minSpend.trim() ? Math.round(Number(minSpend) * 10 ** digits) : null,
      purchasedWithinDays: number(within),
      notPurchasedForDays: number(notFor),
      channelsAny: channels,
      channelsAll: [],
      tiers: chosenTiers,
      conditions: [],
    };
    setBusy(true);
    setError(undefined);
    try {
      const { defineSegment } = await graph.request(ConsoleDefineSegmentDocument, {
        input: { key, name: name.trim(), rule },
      });
      setDone(t('segments.defined', { name: name.trim(), count: defineSegment.members }));
      setName('');
      setMinPurchases('');
      setMinSpend('');
      setWithin('');
      setNotFor('');
      setChannels([]);
      setChosenTiers([]);
      setAttempted(false);
      onDefined();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const shown = (message: string | undefined) => (attempted ? message : undefined);
  return (
    <Card title={t('segments.new')}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('segments.new')}>
        <p className="muted">{t('segments.newHint')}</p>
        <div className="form-grid">
          <TextField
            label={t('segments.name')}
            hint={key ? t('segments.key', { key }) : undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={shown(problems.name)}
          />
          <TextField
            label={t('segments.minPurchases')}
            inputMode="numeric"
            value={minPurchases}
            onChange={(e) => setMinPurchases(e.target.value)}
            error={shown(problems.minPurchases)}
          />
          <TextField
            label={t('segments.minSpend', { currency })}
            inputMode="decimal"
            value={minSpend}
            onChange={(e) => setMinSpend(e.target.value)}
            error={shown(problems.minSpend)}
          />
          <TextField
            label={t('segments.within')}
            inputMode="numeric"
            value={within}
            onChange={(e) => setWithin(e.target.value)}
            error={shown(problems.within)}
          />
          <TextField
            label={t('segments.notFor')}
            inputMode="numeric"
            value={notFor}
            onChange={(e) => setNotFor(e.target.value)}
            error={shown(problems.notFor)}
          />
        </div>
        <ToggleGroup
          label={t('segments.channels')}
          hint={t('editor.anyHint')}
          options={knownChannels.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))}
          selected={channels}
          onChange={setChannels}
        />
        {tiers.length > 0 && (
          <ToggleGroup
            label={t('editor.tiers')}
            hint={t('editor.anyHint')}
            options={tiers.map((tier) => ({ value: tier, label: tier }))}
            selected={chosenTiers}
            onChange={setChosenTiers}
          />
        )}
        <Button type="submit" busy={busy}>
          {t('segments.define')}
        </Button>
        <div aria-live="polite">
          {done && <Notice tone="success">{done}</Notice>}
          {error !== undefined && <ErrorNotice error={error} />}
        </div>
      </form>
    </Card>
  );
}
