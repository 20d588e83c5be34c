import { useState, type FormEvent } from 'react';
import { Button, Card, CheckboxField, Notice, Pill, SelectField, TextField } from '../../../ui/components.js';
import { formatMoney, formatNumber, formatPercent } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import {
  ConsoleDefineWalletDocument,
  ConsoleWalletTypesDocument,
  type ConsoleWalletTypeFieldsFragment,
  type WalletKind,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import {
  emptyWalletForm,
  walletCodeFromName,
  walletFieldErrors,
  walletForm,
  walletFormProblems,
  walletInput,
  type WalletField,
  type WalletForm,
  type WalletProblems,
} from '../walletForm.js';
import { useGraph, useQuery } from '../useGraph.js';

type WalletType = ConsoleWalletTypeFieldsFragment;

/** A wallet's rules in words: "2.5% back · usable after 14 days · expires after 365 days · households of 3". */
function walletRuleWords(t: Translate, locale: string, type: WalletType): string {
  const earning =
    type.kind === 'STAMPS'
      ? t('wallets.rule.stamps', {
          stamps: type.stampsPerPurchase ?? 0,
          card: type.stampsPerCard ?? 0,
          points: type.cardRewardPoints ?? 0,
        }) +
        (type.minPurchaseAmount > 0
          ? ` ${t('wallets.rule.minPurchase', { amount: formatNumber(locale, type.minPurchaseAmount / 100, 2) })}`
          : '')
      : type.kind === 'CASHBACK'
        ? t('wallets.rule.cashback', {
            percent: formatPercent(locale, (type.cashbackBasisPoints ?? 0) / 10_000),
            currency: type.currency ?? '',
          })
        : t('wallets.rule.storeCredit', { currency: type.currency ?? '' });
  const parts = [
    earning,
    type.pendingDays > 0 && t('wallets.rule.pending', { count: type.pendingDays }),
    type.expiryDays != null ? t('wallets.rule.expiry', { count: type.expiryDays }) : t('wallets.rule.noExpiry'),
    type.maxHouseholdMembers > 0 && t('wallets.rule.household', { count: type.maxHouseholdMembers }),
  ].filter((part): part is string => typeof part === 'string');
  return parts.join(' · ');
}

/** An amount in a wallet's units: "£2.50", or "3 stamps". */
export function walletAmount(
  t: Translate,
  locale: string,
  type: Pick<WalletType, 'kind' | 'currency'>,
  amount: number,
) {
  return type.kind === 'STAMPS' || !type.currency
    ? t('wallets.stamps', { count: amount })
    : formatMoney(locale, amount, type.currency);
}

/** The program's wallets besides points (stamp cards, cashback, store credit): list, define, edit. */
export function Wallets() {
  const { t, locale } = useI18n();
  const loaded = useQuery(ConsoleWalletTypesDocument, {});
  const [editing, setEditing] = useState<WalletType>();
  const [done, setDone] = useState<string>();
  const types = loaded.data?.walletTypes ?? [];
  return (
    <>
      <h1>{t('wallets.title')}</h1>
      <p className="muted">{t('wallets.intro')}</p>
      <Card title={t('wallets.all')}>
        {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
        {!loaded.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : types.length === 0 ? (
          <p className="muted">{t('wallets.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('wallets.name')}</th>
                  <th scope="col">{t('wallets.kind')}</th>
                  <th scope="col">{t('wallets.status')}</th>
                </tr>
              </thead>
              <tbody>
                {types.map((type) => (
                  <tr key={type.code}>
                    <td>
                      <strong>{type.name}</strong> <code>{type.code}</code>
                      <div className="muted">{walletRuleWords(t, locale, type)}</div>
                    </td>
                    <td>{t(`walletKind.${type.kind}`)}</td>
                    <td>
                      {type.active ? (
                        <Pill tone="good">{t('wallets.active')}</Pill>
                      ) : (
                        <Pill>{t('wallets.inactive')}</Pill>
                      )}{' '}
                      <Button
                        variant="ghost"
                        onClick={() => {
                          setDone(undefined);
                          setEditing(type);
                        }}
                        aria-label={t('wallets.editLabel', { name: type.name })}
                      >
                        {t('wallets.edit')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <div aria-live="polite">{done && <Notice tone="success">{done}</Notice>}</div>
      <WalletEditor
        key={editing?.code ?? 'new'}
        editing={editing}
        onDone={(message) => {
          setDone(message);
          setEditing(undefined);
          loaded.reload();
        }}
        onCancel={() => setEditing(undefined)}
      />
    </>
  );
}

function WalletEditor({
  editing,
  onDone,
  onCancel,
}: {
  editing?: WalletType;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const graph = useGraph();
  const [form, setForm] = useState<WalletForm>(() => (editing ? walletForm(editing) : emptyWalletForm()));
  const [codeTyped, setCodeTyped] = useState(Boolean(editing));
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<WalletProblems>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problems = walletFormProblems(form);
  const set = <K extends keyof WalletForm>(field: K, value: WalletForm[K]) => {
    setForm((previous) => ({
      ...previous,
      [field]: value,
      // Until a code is typed, it follows the name.
      ...(field === 'name' && !codeTyped ? { code: walletCodeFromName(value as string) } : {}),
    }));
    setRefused((previous) => ({ ...previous, [field]: undefined }));
  };
  const fieldError = (field: WalletField) => {
    const found = problems[field];
    return (attempted && found ? t(`walletProblem.${found}`) : undefined) ?? refused[field];
  };
  const text = (field: WalletField, label: string, hint?: string, inputMode?: 'numeric' | 'decimal') => (
    <TextField
      label={label}
      hint={hint}
      inputMode={inputMode}
      value={form[field]}
      onChange={(event) => {
        if (field === 'code') setCodeTyped(true);
        set(field, field === 'code' ? event.target.value.toUpperCase() : event.target.value);
      }}
      error={fieldError(field)}
      disabled={field === 'code' && Boolean(editing)}
    />
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setRefused({});
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const { defineWallet } = await graph.request(ConsoleDefineWalletDocument, { input: walletInput(form) });
      setAttempted(false);
      if (!editing) {
        setForm(emptyWalletForm(form.kind));
        setCodeTyped(false);
      }
      onDone(t(editing ? 'wallets.saved' : 'wallets.defined', { name: defineWallet.name }));
    } catch (failure) {
      setError(failure);
      setRefused(walletFieldErrors(failure));
    } finally {
      setBusy(false);
    }
  };
  const currency = form.currency.trim().toUpperCase() || '…';
  return (
    <Card title={editing ? t('wallets.editTitle', { name: editing.name }) : t('wallets.new')}>
      <form
        onSubmit={(event) => void submit(event)}
        aria-label={editing ? t('wallets.editTitle', { name: editing.name }) : t('wallets.new')}
        noValidate
      >
        <div className="form-grid">
          <SelectField
            label={t('wallets.kind')}
            value={form.kind}
            onChange={(event) => set('kind', event.target.value as WalletKind)}
            disabled={Boolean(editing)}
            hint={editing ? t('wallets.kindFixed') : t(`walletKind.hint.${form.kind}`)}
            error={refused.kind}
            options={(['STAMPS', 'CASHBACK', 'STORE_CREDIT'] as const).map((value) => ({
              value,
              label: t(`walletKind.${value}`),
            }))}
          />
          {text('name', t('wallets.name'), t('wallets.nameHint'))}
          {text('code', t('wallets.code'), t('wallets.codeHint'))}
          {form.kind !== 'STAMPS' && text('currency', t('wallets.currency'), t('earning.currencyHint'))}
          {form.kind === 'STAMPS' && (
            <>
              {text('stampsPerPurchase', t('wallets.stampsPerPurchase'), undefined, 'numeric')}
              {text('minPurchase', t('wallets.minPurchase'), t('wallets.minPurchaseHint'), 'decimal')}
              {text('stampsPerCard', t('wallets.stampsPerCard'), undefined, 'numeric')}
              {text('cardRewardPoints', t('wallets.cardRewardPoints'), t('wallets.cardRewardPointsHint'), 'numeric')}
            </>
          )}
          {form.kind === 'CASHBACK' &&
            text(
              'cashbackPercent',
              t('wallets.cashbackPercent'),
              t('wallets.cashbackPercentHint', { currency }),
              'decimal',
            )}
          {text('pendingDays', t('wallets.pendingDays'), t('wallets.pendingDaysHint'), 'numeric')}
          {text('expiryDays', t('wallets.expiryDays'), t('wallets.expiryDaysHint'), 'numeric')}
          {text('maxHouseholdMembers', t('wallets.household'), t('wallets.householdHint'), 'numeric')}
        </div>
        <CheckboxField
          label={t('wallets.activeField')}
          hint={t('wallets.activeHint')}
          checked={form.active}
          onChange={(active) => set('active', active)}
        />
        <div className="actions">
          <Button type="submit" busy={busy}>
            {editing ? t('wallets.save') : t('wallets.define')}
          </Button>
          {editing && (
            <Button variant="secondary" onClick={onCancel}>
              {t('wallets.cancel')}
            </Button>
          )}
        </div>
        <div aria-live="polite">{error !== undefined && <ErrorNotice error={error} />}</div>
      </form>
    </Card>
  );
}
