import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Button,
  Card,
  CheckboxField,
  Notice,
  SelectField,
  Stat,
  Stats,
  TextField,
  ToggleGroup,
} from '../../../ui/components.js';
import { formatDateTime, formatNumber } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import type { MessageKey } from '../../../ui/messages/en.js';
import {
  ConsoleCampaignChoicesDocument,
  ConsoleCampaignDocument,
  ConsoleCreateCampaignDocument,
  ConsoleEndCampaignDocument,
  ConsolePauseCampaignDocument,
  ConsoleScheduleCampaignDocument,
  ConsoleSimulationDocument,
  ConsoleUpdateCampaignDocument,
  type ActivityKind,
  type AttributeOperator,
  type CampaignFieldsFragment,
  type CampaignRewardKind,
  type CampaignTrigger,
  type CapPeriod,
  type ConsoleCampaignChoicesQuery,
  type ConsoleSimulationQuery,
  type Weekday,
} from '../../sdk/graphql.js';
import {
  attributeOperators,
  campaignForm,
  campaignInput,
  changedCondition,
  emptyCampaignForm,
  emptyCondition,
  formProblems,
  valuelessOperators,
  weekdays,
  type CampaignForm,
  type ConditionField,
  type ConditionForm,
  type ConditionValueType,
  type FormProblems,
} from '../campaignForm.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel, knownChannels } from '../labels.js';
import { href, navigate } from '../route.js';
import { useGraph, useQuery } from '../useGraph.js';
import { StatusPill } from './Campaigns.js';

type Choices = ConsoleCampaignChoicesQuery;

/** Creates a campaign (no id) or edits one, simulates it on past purchases, and runs its lifecycle. */
export function CampaignEditor({ id }: { id?: string }) {
  const { t } = useI18n();
  const choices = useQuery(ConsoleCampaignChoicesDocument, {});
  const saved = useQuery(ConsoleCampaignDocument, { id: id ?? '' });
  const error = choices.error ?? (id ? saved.error : undefined);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!choices.data || (id && !saved.data)) return <p aria-live="polite">{t('loading')}</p>;
  return <Editor choices={choices.data} campaign={id ? saved.data?.campaign : undefined} />;
}

function Editor({ choices, campaign: initial }: { choices: Choices; campaign?: CampaignFieldsFragment }) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const program = choices.campaignProgram;
  const [campaign, setCampaign] = useState(initial);
  const [form, setForm] = useState<CampaignForm>(() =>
    initial ? campaignForm(initial, program) : emptyCampaignForm(),
  );
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const problems = formProblems(form);
  const ended = campaign?.status === 'ENDED';
  const locked = ended;

  const set = <K extends keyof CampaignForm>(field: K, value: CampaignForm[K]) =>
    setForm((f) => ({ ...f, [field]: value }));
  const problem = (field: keyof FormProblems) => {
    const found = problems[field];
    return attempted && found ? t(`problem.${found}`) : undefined;
  };
  const text = (
    field: Exclude<keyof CampaignForm, 'eventConditions'>,
    label: MessageKey,
    extra: { hint?: string; type?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <TextField
      label={t(label)}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      value={form[field] as string}
      onChange={(event) => set(field, event.target.value as never)}
      error={problem(field)}
      disabled={locked}
    />
  );
  const number = (field: Exclude<keyof CampaignForm, 'eventConditions'>, label: MessageKey, hint?: string) =>
    text(field, label, { hint, inputMode: 'numeric' });

  async function run<T>(label: string, action: () => Promise<T>, confirmation?: string): Promise<T | undefined> {
    setBusy(label);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await action();
      if (confirmation) setDone(confirmation);
      return result;
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) {
      setError(undefined);
      setDone(undefined);
      return;
    }
    const input = campaignInput(form, program);
    if (!campaign) {
      const created = await run('save', () => graph.request(ConsoleCreateCampaignDocument, { input }));
      if (created) navigate({ page: 'campaign', id: created.createCampaign.id });
      return;
    }
    const updated = await run(
      'save',
      () => graph.request(ConsoleUpdateCampaignDocument, { id: campaign.id, input, expectedVersion: campaign.version }),
      t('editor.saved'),
    );
    if (updated) setCampaign(updated.updateCampaign);
  };

  const lifecycle = async (action: 'schedule' | 'pause' | 'end') => {
    if (!campaign) return;
    if (action === 'end' && !window.confirm(t('editor.confirmEnd', { name: campaign.name }))) return;
    const request = () => {
      const variables = { id: campaign.id };
      if (action === 'schedule')
        return graph.request(ConsoleScheduleCampaignDocument, variables).then((r) => r.scheduleCampaign);
      if (action === 'pause')
        return graph.request(ConsolePauseCampaignDocument, variables).then((r) => r.pauseCampaign);
      return graph.request(ConsoleEndCampaignDocument, variables).then((r) => r.endCampaign);
    };
    const next = await run(action, request, t(`editor.done.${action}`));
    if (!next) return;
    setCampaign(next);
  };

  const tierOptions = (choices.tierProgram?.tiers ?? []).map((tier) => ({ value: tier.name, label: tier.name }));
  const segmentOptions = choices.segments.map((segment) => ({
    value: segment.key,
    label: t('editor.segmentOption', { name: segment.name, count: segment.members }),
  }));
  // A PURCHASE campaign's FIXED_BONUS or RATE may credit a wallet instead of points (issue 29).
  const walletChoice = form.trigger === 'PURCHASE' && form.rewardKind !== 'MULTIPLIER';
  const chosenWallet = walletChoice ? choices.walletTypes.find((type) => type.code === form.wallet) : undefined;
  const walletOptions = [
    { value: '', label: t('editor.walletPoints') },
    ...choices.walletTypes
      .filter((type) => type.active || type.code === form.wallet)
      .map((type) => ({ value: type.code, label: `${type.name} (${t(`walletKind.${type.kind}`)})` })),
  ];
  const pointsLabel: MessageKey = !chosenWallet
    ? 'editor.points'
    : chosenWallet.kind === 'STAMPS'
      ? 'editor.walletStamps'
      : 'editor.walletMinorUnits';
  const weekdayOptions = weekdays.map((day) => ({ value: day, label: t(`weekday.${day}`) }));

  return (
    <>
      <div className="page-header">
        <h1>{campaign ? campaign.name : t('editor.newTitle')}</h1>
        {campaign && <StatusPill status={campaign.status} liveNow={campaign.liveNow} />}
      </div>
      <p>
        <a href={href({ page: 'campaigns' })}>{t('editor.back')}</a>
        {campaign && (
          <>
            {' · '}
            <a href={href({ page: 'performance', id: campaign.id })}>{t('editor.performance')}</a>
          </>
        )}
      </p>
      {campaign && (
        <Card title={t('editor.lifecycle')}>
          <p>
            {campaign.scheduleText}
            {campaign.nextLive && (
              <>
                {' · '}
                {t('editor.nextLive', { start: formatDateTime(locale, campaign.nextLive.start, program.timeZone) })}
              </>
            )}
          </p>
          <div className="actions">
            {(campaign.status === 'DRAFT' || campaign.status === 'PAUSED') && (
              <Button busy={busy === 'schedule'} onClick={() => void lifecycle('schedule')}>
                {campaign.status === 'DRAFT' ? t('editor.schedule') : t('editor.resume')}
              </Button>
            )}
            {campaign.status === 'SCHEDULED' && (
              <Button variant="secondary" busy={busy === 'pause'} onClick={() => void lifecycle('pause')}>
                {t('editor.pause')}
              </Button>
            )}
            {!ended && (
              <Button variant="danger" busy={busy === 'end'} onClick={() => void lifecycle('end')}>
                {t('editor.end')}
              </Button>
            )}
          </div>
        </Card>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      {attempted && Object.keys(problems).length > 0 && <Notice tone="error">{t('editor.fixProblems')}</Notice>}
      {done && <Notice tone="success">{done}</Notice>}
      <div className="editor-layout">
        <form onSubmit={(event) => void save(event)} noValidate aria-label={t('editor.formLabel')}>
          <Card title={t('editor.basics')}>
            {text('name', 'editor.name')}
            {text('description', 'editor.description')}
            <SelectField
              label={t('editor.trigger')}
              value={form.trigger}
              onChange={(event) => set('trigger', event.target.value as CampaignTrigger)}
              disabled={locked}
              options={(['PURCHASE', 'ACTIVITY', 'EVENT'] as const).map((value) => ({
                value,
                label: t(`trigger.${value}`),
              }))}
            />
            {form.trigger === 'ACTIVITY' && (
              <SelectField
                label={t('editor.activityKind')}
                value={form.activityKind}
                onChange={(event) => set('activityKind', event.target.value as ActivityKind)}
                disabled={locked}
                options={(
                  ['SIGN_UP', 'REFERRAL', 'REFERRED_FRIEND', 'PRODUCT_REVIEW', 'SOCIAL_SHARE', 'BIRTHDAY'] as const
                ).map((value) => ({
                  value,
                  label: t(`activity.${value}`),
                }))}
              />
            )}
            {form.trigger === 'EVENT' && (
              <div className="form-grid">
                {text('eventType', 'editor.eventType')}
                {text('eventOncePer', 'editor.eventOncePer', { hint: t('editor.eventOncePerHint') })}
              </div>
            )}
            {form.trigger === 'EVENT' && (
              <EventConditions
                rows={form.eventConditions}
                onChange={(rows) => set('eventConditions', rows)}
                problem={problem}
                disabled={locked}
              />
            )}
          </Card>
          <Card title={t('editor.reward')}>
            <SelectField
              label={t('editor.rewardKind')}
              value={form.rewardKind}
              onChange={(event) => set('rewardKind', event.target.value as CampaignRewardKind)}
              disabled={locked}
              options={(['MULTIPLIER', 'FIXED_BONUS', 'RATE'] as const).map((value) => ({
                value,
                label: t(`rewardKind.${value}`),
              }))}
            />
            {walletChoice && choices.walletTypes.length > 0 && (
              <SelectField
                label={t('editor.wallet')}
                hint={t('editor.walletHint')}
                value={form.wallet}
                onChange={(event) => set('wallet', event.target.value)}
                disabled={locked}
                options={walletOptions}
              />
            )}
            <div className="form-grid">
              {form.rewardKind === 'MULTIPLIER' &&
                number('multiplierPercent', 'editor.multiplierPercent', t('editor.multiplierHint'))}
              {form.rewardKind !== 'MULTIPLIER' &&
                number(
                  'points',
                  pointsLabel,
                  chosenWallet && chosenWallet.kind !== 'STAMPS'
                    ? t('editor.walletMinorUnitsHint', { currency: chosenWallet.currency ?? '' })
                    : undefined,
                )}
              {form.rewardKind === 'RATE' &&
                number('perAmount', 'editor.perAmount', t('editor.perAmountHint', { currency: program.currency }))}
            </div>
          </Card>
          <Card title={t('editor.audience')}>
            <ToggleGroup
              label={t('editor.channels')}
              hint={t('editor.channelsHint')}
              options={knownChannels.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))}
              selected={form.channels}
              onChange={(channels) => set('channels', channels)}
            />
            {tierOptions.length > 0 && (
              <ToggleGroup
                label={t('editor.tiers')}
                hint={t('editor.anyHint')}
                options={tierOptions}
                selected={form.tiers}
                onChange={(tiers) => set('tiers', tiers)}
              />
            )}
            <ToggleGroup
              label={t('editor.segments')}
              hint={t('editor.anyHint')}
              options={segmentOptions}
              selected={form.segments}
              onChange={(segments) => set('segments', segments)}
            />
            <div className="form-grid">
              {number('newMemberWithinDays', 'editor.newMemberWithinDays', t('editor.newMemberHint'))}
              {text('minSpend', 'editor.minSpend', {
                inputMode: 'decimal',
                hint: t('editor.minSpendHint', { currency: program.currency }),
              })}
              {text('skus', 'editor.skus', { hint: t('editor.listHint') })}
              {text('categories', 'editor.categories', { hint: t('editor.listHint') })}
            </div>
            <CheckboxField
              label={t('editor.firstPurchase')}
              checked={form.firstPurchase}
              onChange={(value) => set('firstPurchase', value)}
            />
            <CheckboxField
              label={t('editor.firstPurchaseInChannel')}
              checked={form.firstPurchaseInChannel}
              onChange={(value) => set('firstPurchaseInChannel', value)}
            />
          </Card>
          <Card title={t('editor.schedule')}>
            <p className="muted">{t('editor.scheduleHint', { timeZone: program.timeZone })}</p>
            <div className="form-grid">
              {text('startsAt', 'editor.startsAt', { type: 'datetime-local' })}
              {text('endsAt', 'editor.endsAt', { type: 'datetime-local' })}
            </div>
            <h3>{t('editor.weekly')}</h3>
            <div className="windows">
              {form.weekly.length === 0 && <p className="muted">{t('editor.noWindows')}</p>}
              {form.weekly.map((window, index) => {
                const change = (patch: Partial<typeof window>) =>
                  set(
                    'weekly',
                    form.weekly.map((w, i) => (i === index ? { ...w, ...patch } : w)),
                  );
                const n = index + 1;
                return (
                  <div className="window-row" key={index} role="group" aria-label={t('editor.windowLabel', { n })}>
                    <SelectField
                      label={t('editor.windowStartDay', { n })}
                      visibleLabel={t('editor.windowFromDay')}
                      value={window.startDay}
                      options={weekdayOptions}
                      onChange={(event) => change({ startDay: event.target.value as Weekday })}
                    />
                    <TextField
                      label={t('editor.windowStartTime', { n })}
                      visibleLabel={t('editor.windowAt')}
                      type="time"
                      value={window.startTime}
                      onChange={(event) => change({ startTime: event.target.value })}
                    />
                    <SelectField
                      label={t('editor.windowEndDay', { n })}
                      visibleLabel={t('editor.windowToDay')}
                      value={window.endDay}
                      options={weekdayOptions}
                      onChange={(event) => change({ endDay: event.target.value as Weekday })}
                    />
                    <TextField
                      label={t('editor.windowEndTime', { n })}
                      visibleLabel={t('editor.windowAt')}
                      type="time"
                      value={window.endTime}
                      onChange={(event) => change({ endTime: event.target.value })}
                    />
                    <Button
                      variant="ghost"
                      onClick={() =>
                        set(
                          'weekly',
                          form.weekly.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t('editor.removeWindow', { n })}
                    </Button>
                  </div>
                );
              })}
            </div>
            <div className="actions">
              <Button
                variant="secondary"
                onClick={() =>
                  set('weekly', [
                    ...form.weekly,
                    { startDay: 'FRIDAY', startTime: '18:00', endDay: 'SUNDAY', endTime: '23:59' },
                  ])
                }
              >
                {t('editor.addWindow')}
              </Button>
            </div>
          </Card>
          <Card title={t('editor.limits')}>
            <div className="form-grid">
              {number('perCustomerPoints', 'editor.perCustomerPoints')}
              {number('perCustomerGrants', 'editor.perCustomerGrants')}
              <SelectField
                label={t('editor.capPeriod')}
                value={form.capPeriod}
                onChange={(event) => set('capPeriod', event.target.value as CapPeriod)}
                options={(['CAMPAIGN', 'DAY', 'WEEK', 'MONTH'] as const).map((value) => ({
                  value,
                  label: t(`capPeriod.${value}`),
                }))}
              />
              {number('budgetPoints', 'editor.budgetPoints', t('editor.budgetHint'))}
            </div>
          </Card>
          <Card title={t('editor.stackingAndHoldout')}>
            <CheckboxField
              label={t('editor.exclusive')}
              hint={t('editor.exclusiveHint')}
              checked={form.exclusive}
              onChange={(value) => set('exclusive', value)}
            />
            <div className="form-grid">
              {number('priority', 'editor.priority', t('editor.priorityHint'))}
              {number('holdoutPercent', 'editor.holdoutPercent', t('editor.holdoutHint'))}
            </div>
          </Card>
          <div className="actions">
            <Button type="submit" busy={busy === 'save'} disabled={locked}>
              {campaign ? t('editor.saveChanges') : t('editor.saveDraft')}
            </Button>
          </div>
        </form>
        <Simulation
          form={form}
          savedId={
            campaign && JSON.stringify(campaignForm(campaign, program)) === JSON.stringify(form)
              ? campaign.id
              : undefined
          }
          program={program}
        />
      </div>
    </>
  );
}

/**
 * The event's property conditions (issue 28), a row each: a new row takes the keyboard to its
 * property, a removed one gives it to the Add button, so neither leaves focus on nothing.
 */
function EventConditions({
  rows,
  onChange,
  problem,
  disabled,
}: {
  rows: ConditionForm[];
  onChange(rows: ConditionForm[]): void;
  problem(field: ConditionField): string | undefined;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [focus, setFocus] = useState<{ row: number } | 'add'>();
  useEffect(() => {
    if (focus === undefined) return;
    const target =
      focus === 'add'
        ? document.getElementById(`${id}-add`)
        : document.querySelector<HTMLElement>(`[id="${id}-row-${focus.row}"] input`);
    target?.focus();
    setFocus(undefined);
  }, [focus, id]);
  const operatorOptions = attributeOperators.map((value) => ({ value, label: t(`operator.${value}`) }));
  const typeOptions = (['string', 'number', 'boolean'] as const).map((value) => ({
    value,
    label: t(`valueType.${value}`),
  }));
  return (
    <>
      <h3>{t('editor.conditions')}</h3>
      <p className="muted">{t('editor.conditionsHint')}</p>
      <div className="windows">
        {rows.length === 0 && <p className="muted">{t('editor.noConditions')}</p>}
        {rows.map((row, index) => {
          const n = index + 1;
          const change = (patch: Partial<ConditionForm>) =>
            onChange(rows.map((r, i) => (i === index ? changedCondition(r, patch) : r)));
          const field = (name: keyof ConditionForm) => problem(`eventConditions.${index}.${name}`);
          const takesValue = !valuelessOperators.includes(row.operator);
          return (
            <div
              className="window-row condition-row"
              key={index}
              id={`${id}-row-${index}`}
              role="group"
              aria-label={t('editor.conditionLabel', { n })}
            >
              <TextField
                label={t('editor.conditionPath', { n })}
                visibleLabel={t('editor.conditionPathShort')}
                value={row.path}
                onChange={(event) => change({ path: event.target.value })}
                error={field('path')}
                disabled={disabled}
              />
              <SelectField
                label={t('editor.conditionOperator', { n })}
                visibleLabel={t('editor.conditionOperatorShort')}
                value={row.operator}
                options={operatorOptions}
                onChange={(event) => change({ operator: event.target.value as AttributeOperator })}
                disabled={disabled}
              />
              {takesValue && (
                <SelectField
                  label={t('editor.conditionValueType', { n })}
                  visibleLabel={t('editor.conditionValueTypeShort')}
                  value={row.valueType}
                  options={typeOptions}
                  onChange={(event) => change({ valueType: event.target.value as ConditionValueType })}
                  error={field('valueType')}
                  disabled={disabled}
                />
              )}
              {takesValue &&
                (row.valueType === 'boolean' && row.operator !== 'IN' ? (
                  <SelectField
                    label={t('editor.conditionValue', { n })}
                    visibleLabel={t('editor.conditionValueShort')}
                    value={row.value}
                    options={[
                      { value: 'true', label: t('editor.yes') },
                      { value: 'false', label: t('editor.no') },
                    ]}
                    onChange={(event) => change({ value: event.target.value })}
                    disabled={disabled}
                  />
                ) : (
                  <TextField
                    label={t(row.operator === 'IN' ? 'editor.conditionValues' : 'editor.conditionValue', { n })}
                    visibleLabel={t(
                      row.operator === 'IN' ? 'editor.conditionValuesShort' : 'editor.conditionValueShort',
                    )}
                    hint={
                      row.operator !== 'IN'
                        ? undefined
                        : row.valueType === 'boolean'
                          ? t('editor.conditionBooleansHint')
                          : t('editor.conditionValuesHint')
                    }
                    inputMode={row.valueType === 'number' && row.operator !== 'IN' ? 'decimal' : undefined}
                    value={row.value}
                    onChange={(event) => change({ value: event.target.value })}
                    error={field('value')}
                    disabled={disabled}
                  />
                ))}
              <Button
                variant="ghost"
                disabled={disabled}
                onClick={() => {
                  onChange(rows.filter((_, i) => i !== index));
                  setFocus('add');
                }}
              >
                {t('editor.removeCondition', { n })}
              </Button>
            </div>
          );
        })}
      </div>
      <div className="actions">
        <Button
          id={`${id}-add`}
          variant="secondary"
          disabled={disabled}
          onClick={() => {
            onChange([...rows, emptyCondition()]);
            setFocus({ row: rows.length });
          }}
        >
          {t('editor.addCondition')}
        </Button>
      </div>
    </>
  );
}

/** The campaign as the form has it, run over past purchases, beside what its holdout will leave out. */
function Simulation({
  form,
  savedId,
  program,
}: {
  form: CampaignForm;
  /** The saved campaign's id when the form shows it unchanged: simulated by id, it holds out the members it does live. */
  savedId?: string;
  program: { timeZone: string; currency: string };
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [days, setDays] = useState(30);
  const [result, setResult] = useState<ConsoleSimulationQuery['simulateCampaign']>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const formKey = JSON.stringify(form);
  useEffect(() => setStale(true), [formKey]);
  const holdout = Number(form.holdoutPercent) || 0;

  const simulate = async () => {
    if (Object.keys(formProblems(form)).length > 0) {
      setResult(undefined);
      setError(undefined);
      setInvalid(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    setInvalid(false);
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    try {
      const { simulateCampaign } = await graph.request(ConsoleSimulationDocument, {
        ...(savedId ? { id: savedId } : { input: campaignInput(form, program) }),
        from: from.toISOString(),
        to: to.toISOString(),
      });
      setResult(simulateCampaign);
      setStale(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="editor-side">
      <Card title={t('simulation.title')}>
        <p className="muted">{t('simulation.text')}</p>
        <SelectField
          label={t('simulation.range')}
          value={String(days)}
          onChange={(event) => setDays(Number(event.target.value))}
          options={[7, 30, 90].map((n) => ({ value: String(n), label: t('home.lastDays', { count: n }) }))}
        />
        {form.trigger === 'PURCHASE' ? (
          <Button variant="secondary" busy={busy} onClick={() => void simulate()}>
            {t('simulation.run')}
          </Button>
        ) : (
          <p className="muted">{t('simulation.purchasesOnly')}</p>
        )}
        <div aria-live="polite">
          {invalid && <Notice tone="error">{t('editor.fixProblems')}</Notice>}
          {error !== undefined && <ErrorNotice error={error} />}
          {result && (
            <div className="simulation-result">
              {stale && <Notice tone="info">{t('simulation.stale')}</Notice>}
              <h3>
                {t('simulation.resultTitle', {
                  from: formatDateTime(locale, result.from),
                  to: formatDateTime(locale, result.to),
                })}
              </h3>
              <Stats>
                <Stat label={t('simulation.points')} value={formatNumber(locale, result.pointsCost)} />
                <Stat label={t('simulation.members')} value={formatNumber(locale, result.customersReached)} />
                <Stat
                  label={t('simulation.purchases')}
                  value={t('simulation.purchasesOf', {
                    rewarded: result.purchasesRewarded,
                    considered: result.purchasesConsidered,
                  })}
                />
                <Stat
                  label={t('simulation.budgetExhausted')}
                  value={
                    result.budgetExhaustedAt
                      ? formatDateTime(locale, result.budgetExhaustedAt, program.timeZone)
                      : t('simulation.budgetLasts')
                  }
                />
              </Stats>
            </div>
          )}
        </div>
      </Card>
      <Card title={t('holdout.title')}>
        {holdout > 0 ? (
          <>
            <p>{t('holdout.text', { percent: holdout })}</p>
            {result && !stale && (
              <p>
                {t('holdout.estimate', {
                  reached: result.customersReached,
                  heldOut: Math.round((result.customersReached * holdout) / (100 - holdout)),
                })}
              </p>
            )}
          </>
        ) : (
          <p className="muted">{t('holdout.none')}</p>
        )}
      </Card>
    </div>
  );
}
