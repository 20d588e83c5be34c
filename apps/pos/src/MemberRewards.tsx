import { useRef, useState, type FormEvent } from 'react';
import { Button, Card, Notice, TextField } from '../../ui/components.js';
import { formatDate } from '../../ui/format.js';
import { useI18n } from '../../ui/i18n.js';
import type { MessageKey } from '../../ui/messages/en.js';
import {
  PosCheckVoucherDocument,
  PosRedeemRewardDocument,
  PosUseVoucherDocument,
  type PosMemberFragment,
  type VoucherProblem,
} from '../sdk/graphql.js';
import { ErrorNotice } from './ErrorNotice.js';
import type { MemberWithRewards } from './Till.js';
import { newUuid } from './basket.js';
import { useGraph } from './useGraph.js';

type Rewards = NonNullable<MemberWithRewards['rewards']>;
type Place = 'vouchers' | 'rewards';

const problemWords: Record<VoucherProblem, MessageKey> = {
  CONSUMED: 'pos.voucherProblem.CONSUMED',
  EXPIRED: 'pos.voucherProblem.EXPIRED',
  CANCELLED: 'pos.voucherProblem.CANCELLED',
  WRONG_CHANNEL: 'pos.voucherProblem.WRONG_CHANNEL',
};

/**
 * The member's vouchers, each used on the sale in progress in one click (or any code typed or
 * scanned), and the rewards they may redeem here for points.
 */
export function MemberRewards({
  member,
  rewards,
  storeId,
  receipt,
  onChanged,
}: {
  member: PosMemberFragment;
  rewards: Rewards;
  storeId: string;
  receipt: string;
  onChanged(): Promise<void>;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  // What the last action said, shown in the card it was taken in.
  const [done, setDone] = useState<{ card: Place; message: string }>();
  const [error, setError] = useState<{ card: Place; error: unknown }>();
  const [busy, setBusy] = useState<string>();
  const [code, setCode] = useState('');
  // One redemption id per reward the associate means to redeem, kept until it succeeds: a retry
  // after a timeout is the same redemption, and the points are taken once.
  const redemptionIds = useRef(new Map<string, string>());

  const run = async (card: Place, what: string, action: () => Promise<string | undefined>) => {
    if (busy) return;
    setBusy(what);
    setError(undefined);
    setDone(undefined);
    try {
      const message = await action();
      if (message) setDone({ card, message });
      await onChanged();
    } catch (failure) {
      setError({ card, error: failure });
    } finally {
      setBusy(undefined);
    }
  };

  const takeVoucher = (voucherCode: string) =>
    run('vouchers', `use:${voucherCode}`, async () => {
      const { validateVoucher } = await graph.request(PosCheckVoucherDocument, { code: voucherCode });
      if (!validateVoucher.valid) {
        const problem = validateVoucher.problem;
        throw new Error(problem ? t(problemWords[problem]) : t('pos.voucherProblem.unknown'));
      }
      const { consumeVoucher } = await graph.request(PosUseVoucherDocument, {
        input: { code: voucherCode, channel: 'IN_STORE', storeId, orderReference: receipt },
      });
      setCode('');
      return t('pos.voucher.used', {
        reward: consumeVoucher.reward.name,
        receipt: consumeVoucher.consumedOrderReference ?? receipt,
        name: validateVoucher.voucher.customer.name,
      });
    });

  const redeem = (reward: Rewards['redeemable'][number]['reward']) =>
    run('rewards', `redeem:${reward.id}`, async () => {
      const redemptionId = redemptionIds.current.get(reward.id) ?? newUuid();
      redemptionIds.current.set(reward.id, redemptionId);
      const { redeemReward } = await graph.request(PosRedeemRewardDocument, {
        input: { redemptionId, rewardId: reward.id, customerId: member.id, channel: 'IN_STORE', storeId },
      });
      redemptionIds.current.delete(reward.id);
      return redeemReward.voucher
        ? t('pos.redeemed', {
            reward: reward.name,
            count: redeemReward.points,
            code: redeemReward.voucher.code,
            date: formatDate(locale, redeemReward.voucher.expiresAt),
          })
        : t('pos.redeemedPending', { reward: reward.name });
    });

  const outcome = (card: Place) => (
    <>
      {done?.card === card && <Notice tone="success">{done.message}</Notice>}
      {error?.card === card && <ErrorNotice error={error.error} />}
    </>
  );

  return (
    <>
      <Card title={t('pos.vouchers.title')}>
        {rewards.vouchers.length === 0 ? (
          <p className="muted">{t('pos.vouchers.none')}</p>
        ) : (
          <ul className="till-list">
            {rewards.vouchers.map((voucher) => (
              <li key={voucher.id}>
                <span>
                  <strong>{voucher.reward.name}</strong>
                  <br />
                  <span className="muted">
                    {t('pos.vouchers.detail', { code: voucher.code, date: formatDate(locale, voucher.expiresAt) })}
                  </span>
                </span>
                <Button
                  variant="secondary"
                  busy={busy === `use:${voucher.code}`}
                  onClick={() => void takeVoucher(voucher.code)}
                >
                  {t('pos.vouchers.use')}
                  <span className="visually-hidden">
                    {' '}
                    {t('pos.vouchers.useWhich', { reward: voucher.reward.name })}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="find-form"
          aria-label={t('pos.vouchers.byCode')}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (code.trim()) void takeVoucher(code.trim());
          }}
        >
          <TextField
            label={t('pos.vouchers.code')}
            hint={t('pos.vouchers.codeHint', { receipt })}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" variant="secondary" busy={busy === `use:${code.trim()}`}>
            {t('pos.vouchers.useCode')}
          </Button>
        </form>
        {outcome('vouchers')}
      </Card>
      <Card title={t('pos.rewards.title')}>
        {rewards.redeemable.length === 0 ? (
          <p className="muted">{t('pos.rewards.none')}</p>
        ) : (
          <ul className="till-list">
            {rewards.redeemable.map(({ reward, affordable, pointsShort }) => (
              <li key={reward.id}>
                <span>
                  <strong>{reward.name}</strong>
                  <br />
                  <span className="muted">
                    {affordable
                      ? t('pos.points', { count: reward.costPoints })
                      : t('pos.rewards.short', { count: pointsShort })}
                  </span>
                </span>
                <Button
                  variant="secondary"
                  disabled={!affordable}
                  busy={busy === `redeem:${reward.id}`}
                  onClick={() => void redeem(reward)}
                >
                  {t('pos.rewards.redeem', { count: reward.costPoints })}
                  <span className="visually-hidden"> {t('pos.rewards.redeemWhich', { reward: reward.name })}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        {outcome('rewards')}
      </Card>
    </>
  );
}
