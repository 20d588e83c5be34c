import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, SelectField, TextField, ToggleGroup } from '../../../ui/components.js';
import { formatMoney, formatNumber } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import {
  ConsoleCreateRewardDocument,
  ConsoleRewardsDocument,
  ConsoleSetRewardActiveDocument,
  type ConsoleRewardsQuery,
  type CreateRewardInput,
  type RewardKind,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel, knownChannels } from '../labels.js';
import { useGraph, useQuery } from '../useGraph.js';

type Reward = ConsoleRewardsQuery['rewardCatalog']['edges'][number]['node'];
const kinds: readonly RewardKind[] = ['FIXED_DISCOUNT', 'PERCENT_DISCOUNT', 'FREE_PRODUCT', 'EXPERIENCE', 'DONATION'];

/** What a reward is worth, in words: "£5.00 off", "10% off", "SKU COFFEE". */
function rewardValue(t: Translate, locale: string, reward: Reward): string {
  if (reward.kind === 'FIXED_DISCOUNT' && reward.valueAmount != null && reward.valueCurrency)
    return t('rewards.valueOff', { value: formatMoney(locale, reward.valueAmount, reward.valueCurrency) });
  if (reward.kind === 'PERCENT_DISCOUNT' && reward.percentOff != null)
    return t('rewards.percentOff', { percent: reward.percentOff });
  if (reward.sku) return t('rewards.product', { sku: reward.sku });
  return t(`catalogKind.${reward.kind}`);
}

/** The catalog, retired rewards included: add one, take one out, put it back. */
export function Rewards() {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const catalog = useQuery(ConsoleRewardsDocument, { after: null });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const toggle = async (reward: Reward) => {
    setBusy(reward.id);
    setError(undefined);
    try {
      await graph.request(ConsoleSetRewardActiveDocument, { id: reward.id, active: !reward.active });
      catalog.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const rewards = catalog.data?.rewardCatalog.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>{t('rewards.title')}</h1>
      {(catalog.error ?? error) !== undefined && <ErrorNotice error={catalog.error ?? error} />}
      <Card title={t('rewards.catalog')}>
        {!catalog.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : rewards.length === 0 ? (
          <p>{t('rewards.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('rewards.name')}</th>
                  <th scope="col" className="number">
                    {t('rewards.cost')}
                  </th>
                  <th scope="col">{t('rewards.where')}</th>
                  <th scope="col">{t('rewards.state')}</th>
                </tr>
              </thead>
              <tbody>
                {rewards.map((reward) => (
                  <tr key={reward.id}>
                    <td>
                      <strong>{reward.name}</strong>
                      <div className="muted">{rewardValue(t, locale, reward)}</div>
                    </td>
                    <td className="number">{formatNumber(locale, reward.costPoints)}</td>
                    <td>
                      {reward.channels.length === 0
                        ? t('rewards.everywhere')
                        : reward.channels.map((channel) => channelLabel(t, channel)).join(', ')}
                      {reward.stockLeft != null && (
                        <div className="muted">{t('rewards.stockLeft', { count: reward.stockLeft })}</div>
                      )}
                    </td>
                    <td>
                      <Pill tone={reward.active ? 'good' : 'neutral'}>
                        {reward.active ? t('rewards.active') : t('rewards.inactive')}
                      </Pill>{' '}
                      <Button variant="ghost" busy={busy === reward.id} onClick={() => void toggle(reward)}>
                        {reward.active
                          ? t('rewards.takeOut', { name: reward.name })
                          : t('rewards.putBack', { name: reward.name })}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {catalog.data && <NewReward currency={catalog.data.campaignProgram.currency} onCreated={catalog.reload} />}
    </>
  );
}

function NewReward({ currency, onCreated }: { currency: string; onCreated(): void }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<RewardKind>('FIXED_DISCOUNT');
  const [cost, setCost] = useState('');
  const [value, setValue] = useState('');
  const [sku, setSku] = useState('');
  const [stock, setStock] = useState('');
  const [channels, setChannels] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const whole = (text: string) => /^\d+$/.test(text.trim());
  const problems = {
    name: name.trim() ? undefined : t('problem.required'),
    cost: whole(cost) ? undefined : t('problem.wholeNumber'),
    value:
      kind === 'FIXED_DISCOUNT' && !(Number(value) > 0)
        ? t('problem.required')
        : kind === 'PERCENT_DISCOUNT' && !(whole(value) && Number(value) >= 1 && Number(value) <= 100)
          ? t('rewards.percentProblem')
          : undefined,
    stock: !stock.trim() || whole(stock) ? undefined : t('problem.wholeNumber'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (Object.values(problems).some(Boolean)) return;
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const input: CreateRewardInput = {
      name: name.trim(),
      description: description.trim(),
      kind,
      costPoints: Number(cost),
      channels,
      tiers: [],
      voucherValidDays: 30,
      ...(kind === 'FIXED_DISCOUNT'
        ? { valueAmount: Math.round(Number(value) * 10 ** digits), valueCurrency: currency }
        : {}),
      ...(kind === 'PERCENT_DISCOUNT' ? { percentOff: Number(value) } : {}),
      ...(sku.trim() ? { sku: sku.trim() } : {}),
      ...(stock.trim() ? { stock: Number(stock) } : {}),
    };
    setBusy(true);
    setError(undefined);
    try {
      const { createReward } = await graph.request(ConsoleCreateRewardDocument, { input });
      setDone(t('rewards.created', { name: createReward.name }));
      setName('');
      setDescription('');
      setCost('');
      setValue('');
      setSku('');
      setStock('');
      setChannels([]);
      setAttempted(false);
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const shown = (message: string | undefined) => (attempted ? message : undefined);
  return (
    <Card title={t('rewards.new')}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('rewards.new')}>
        <div className="form-grid">
          <TextField
            label={t('rewards.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={shown(problems.name)}
          />
          <TextField
            label={t('rewards.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <SelectField
            label={t('rewards.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as RewardKind)}
            options={kinds.map((value) => ({ value, label: t(`catalogKind.${value}`) }))}
          />
          <TextField
            label={t('rewards.cost')}
            inputMode="numeric"
            value={cost}
            onChange={(e) => setCost(e.target.value)}
            error={shown(problems.cost)}
          />
          {kind === 'FIXED_DISCOUNT' && (
            <TextField
              label={t('rewards.valueAmount', { currency })}
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={shown(problems.value)}
            />
          )}
          {kind === 'PERCENT_DISCOUNT' && (
            <TextField
              label={t('rewards.percent')}
              inputMode="numeric"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={shown(problems.value)}
            />
          )}
          <TextField
            label={t('rewards.sku')}
            hint={t('rewards.skuHint')}
            value={sku}
            onChange={(e) => setSku(e.target.value)}
          />
          <TextField
            label={t('rewards.stock')}
            hint={t('rewards.stockHint')}
            inputMode="numeric"
            value={stock}
            onChange={(e) => setStock(e.target.value)}
            error={shown(problems.stock)}
          />
        </div>
        <ToggleGroup
          label={t('editor.channels')}
          hint={t('editor.channelsHint')}
          options={knownChannels.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))}
          selected={channels}
          onChange={setChannels}
        />
        <Button type="submit" busy={busy}>
          {t('rewards.add')}
        </Button>
        <div aria-live="polite">
          {done && <Notice tone="success">{done}</Notice>}
          {error !== undefined && <ErrorNotice error={error} />}
        </div>
      </form>
    </Card>
  );
}
