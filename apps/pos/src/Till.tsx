import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, Stat, Stats, TextField } from '../../ui/components.js';
import { formatNumber } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import { guessIdentifierType, holdIdOfCode } from '../../ui/identifier.js';
import {
  PosAppHoldDocument,
  PosFindMemberDocument,
  PosMemberRewardsDocument,
  type PosMemberFragment,
  type PosMemberRewardsQuery,
} from '../sdk/graphql.js';
import type { AppHold } from './Basket.js';
import { Basket } from './Basket.js';
import { ErrorNotice } from './ErrorNotice.js';
import { MemberRewards } from './MemberRewards.js';
import { MemberWallets } from './MemberWallets.js';
import { newReceiptNumber } from './basket.js';
import { focusField } from './focus.js';
import { useGraph } from './useGraph.js';

export type MemberWithRewards = NonNullable<PosMemberRewardsQuery['customer']>;

/** One customer after another: find the member, ring up the basket, take their vouchers. */
export function Till({ storeId, currency }: { storeId: string; currency: string }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [member, setMember] = useState<PosMemberFragment>();
  // The points hold of the member's app, when the till found the member by its code.
  const [appHold, setAppHold] = useState<AppHold>();
  const [rewards, setRewards] = useState<MemberWithRewards['rewards']>();
  const [rewardsError, setRewardsError] = useState<unknown>();
  // The sale in progress: its receipt number names the order vouchers are used on, and is the
  // purchase's idempotency key.
  const [receipt, setReceipt] = useState(() => newReceiptNumber());
  const [sale, setSale] = useState(0);
  const newSale = () => {
    setReceipt(newReceiptNumber());
    setSale((n) => n + 1);
  };

  // The member at the till now: an answer about the previous customer, arriving late, is dropped.
  const current = useRef<string>(undefined);
  const reload = useCallback(
    async (id: string) => {
      try {
        const { customer } = await graph.request(PosMemberRewardsDocument, { id });
        if (!customer || current.current !== id) return;
        setMember(customer);
        setRewards(customer.rewards);
        setRewardsError(undefined);
      } catch (failure) {
        if (current.current === id) setRewardsError(failure);
      }
    },
    [graph],
  );

  const nextCustomer = () => {
    current.current = undefined;
    setMember(undefined);
    setAppHold(undefined);
    setRewards(undefined);
    newSale();
    focusField('[data-find-field]');
  };

  return (
    <div className="till">
      <div className="till-find">
        <FindMember
          onFound={(found, hold) => {
            current.current = found.id;
            setMember(found);
            setAppHold(hold);
            setRewards(undefined);
            setRewardsError(undefined);
            newSale();
            void reload(found.id);
          }}
        />
      </div>
      {member && (
        <div className="till-member">
          <MemberCard member={member} onNext={nextCustomer} />
        </div>
      )}
      <div className="till-sale">
        {member ? (
          <Basket
            key={`${member.id}/${sale}`}
            member={member}
            storeId={storeId}
            currency={currency}
            receipt={receipt}
            appHold={appHold}
            onReceiptChange={setReceipt}
            onRecorded={() => reload(member.id)}
            onPointsChanged={() => reload(member.id)}
            onNewSale={() => {
              // The app's hold was for the sale just recorded (or left unused): the next one starts without it.
              setAppHold(undefined);
              newSale();
            }}
            onNextCustomer={nextCustomer}
          />
        ) : (
          <Card>
            <p className="muted">{t('pos.findFirst')}</p>
          </Card>
        )}
      </div>
      {member && (
        <div className="till-rewards">
          {rewardsError !== undefined && <ErrorNotice error={rewardsError} />}
          {rewards && (
            <MemberRewards
              member={member}
              rewards={rewards}
              storeId={storeId}
              receipt={receipt}
              onChanged={() => reload(member.id)}
            />
          )}
        </div>
      )}
    </div>
  );
}

/**
 * One field for whatever the customer shows: a phone number, the card (typed or scanned), an email,
 * or the code of points their app set aside to pay with (the member it holds for, and the hold).
 */
function FindMember({ onFound }: { onFound(member: PosMemberFragment, appHold?: AppHold): void }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [value, setValue] = useState('');
  const [notFound, setNotFound] = useState<{ value: string; kind: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed || busy) return;
    const holdId = holdIdOfCode(trimmed);
    const type = guessIdentifierType(trimmed);
    setBusy(true);
    setError(undefined);
    setNotFound(undefined);
    try {
      if (holdId) {
        const { pointsHold } = await graph.request(PosAppHoldDocument, { id: holdId });
        setValue('');
        onFound(pointsHold.customer, pointsHold);
        return;
      }
      const { customerByIdentifier } = await graph.request(PosFindMemberDocument, { type, value: trimmed });
      if (customerByIdentifier) {
        setValue('');
        onFound(customerByIdentifier);
      } else setNotFound({ value: trimmed, kind: t(`identifier.${type}`) });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('pos.find.title')}>
      <form onSubmit={(event) => void find(event)} className="find-form" aria-label={t('pos.find.title')}>
        <TextField
          data-find-field
          label={t('pos.find.label')}
          hint={t('pos.find.hint')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" busy={busy}>
          {t('pos.find.submit')}
        </Button>
      </form>
      {notFound && <Notice tone="error">{t('pos.find.notFound', notFound)}</Notice>}
      {error !== undefined && <ErrorNotice error={error} />}
    </Card>
  );
}

/** Who is at the till: name, the contact details an associate may see (masked), points, wallets and tier. */
function MemberCard({ member, onNext }: { member: PosMemberFragment; onNext(): void }) {
  const { t, locale } = useI18n();
  const loyalty = member.loyalty;
  const progress = loyalty?.progress;
  const toNext = loyalty?.nextTier && progress?.pointsToNextTier != null ? progress.pointsToNextTier : null;
  const share =
    toNext !== null && progress ? progress.qualifyingPoints / (progress.qualifyingPoints + toNext || 1) : null;
  return (
    <Card
      title={member.name}
      className="member-card"
      actions={
        <Button variant="ghost" onClick={onNext}>
          {t('pos.nextCustomer')}
        </Button>
      }
    >
      <p className="muted">{[member.email, member.phone].filter(Boolean).join(' · ')}</p>
      <Stats>
        <Stat label={t('pos.member.balance')} value={t('pos.points', { count: loyalty?.balance ?? 0 })} />
        {!!loyalty?.pending && (
          <Stat label={t('pos.member.pending')} value={t('pos.points', { count: loyalty.pending })} />
        )}
        {!!loyalty?.held && <Stat label={t('pos.member.held')} value={t('pos.points', { count: loyalty.held })} />}
      </Stats>
      <MemberWallets member={member} />
      <p>
        {t('pos.member.tier')}{' '}
        {loyalty?.tier ? <Pill tone="info">{loyalty.tier.name}</Pill> : <span>{t('pos.member.noTier')}</span>}
      </p>
      {toNext !== null && share !== null && loyalty?.nextTier && (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label={t('pos.member.progressLabel', { tier: loyalty.nextTier.name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
          >
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          <p className="muted">
            {t('pos.member.toNextTier', { points: formatNumber(locale, toNext), tier: loyalty.nextTier.name })}
          </p>
        </>
      )}
    </Card>
  );
}
