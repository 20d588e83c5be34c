import { Notice } from '../../ui/components.js';
import { useI18n } from '../../ui/i18n.js';
import { en, type MessageKey } from '../../ui/messages/en.js';
import { GraphRequestError, NetworkError } from './graph.js';

/** The code of a failure: the graph's `extensions.code`, NETWORK when the graph could not be reached. */
export function errorCode(error: unknown): string {
  if (error instanceof GraphRequestError) return error.code ?? 'INTERNAL_SERVER_ERROR';
  if (error instanceof NetworkError) return 'NETWORK';
  return 'unknown';
}

function known(key: string): key is MessageKey {
  return key in en;
}

/**
 * A failure in the till's words with what to do: by code and reason (`CONFLICT` `OrderConflict`:
 * the receipt number was used for another basket), else by code, else the apps' shared words (a
 * payment with points first in its own: `pos.error.pay.*`); the
 * graph's own sentence and code under it, which name the field or the rule. A sentence of the
 * till's own may word a refusal of the graph (its `cause`: a wallet that could not pay), whose
 * sentence and code are then shown under it.
 */
export function ErrorNotice({ error, paying = false }: { error: unknown; paying?: boolean }) {
  const { t } = useI18n();
  const code = errorCode(error);
  const reason = error instanceof GraphRequestError ? error.reason : undefined;
  // Paying with points (a hold refused, expired or not paying this basket) has words of its own first.
  const candidates = [
    paying && reason && `pos.error.pay.${code}.${reason}`,
    reason && `pos.error.${code}.${reason}`,
    paying && `pos.error.pay.${code}`,
    `pos.error.${code}`,
    `error.${code}`,
  ];
  const key = candidates.find((candidate): candidate is MessageKey => !!candidate && known(candidate));
  // A sentence of the till's own (a voucher it checked and will not take) is said as it is.
  const own = code === 'unknown' && error instanceof Error && error.message ? error.message : undefined;
  let words = own ?? (key ? t(key) : t('error.unknown'));
  const balance = error instanceof GraphRequestError ? error.errors[0]?.extensions?.balance : undefined;
  if (code === 'INSUFFICIENT_POINTS' && typeof balance === 'number') {
    words += ` ${t('pos.balanceIs', { points: balance })}`;
  }
  const source = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const detail = source instanceof GraphRequestError || source instanceof NetworkError ? source.message : undefined;
  const detailCode = (source instanceof GraphRequestError ? source.reason : undefined) ?? errorCode(source);
  return (
    <Notice tone="error">
      <strong>{words}</strong>
      {detail && (
        <>
          <br />
          <span>
            {detail} ({detailCode})
          </span>
        </>
      )}
    </Notice>
  );
}
