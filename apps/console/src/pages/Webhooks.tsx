import { useState, type FormEvent } from 'react';
import {
  Button,
  Card,
  CheckboxField,
  Notice,
  Pill,
  SelectField,
  TextField,
  ToggleGroup,
  type Tone,
} from '../../../ui/components.js';
import { formatDateTime, formatNumber } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import {
  ConsoleDisableWebhookDocument,
  ConsoleEnableWebhookDocument,
  ConsoleRegisterWebhookDocument,
  ConsoleReplayWebhookEventsDocument,
  ConsoleRetryWebhookDeliveryDocument,
  ConsoleRotateWebhookSecretDocument,
  ConsoleWebhookDeliveriesDocument,
  ConsoleWebhooksDocument,
  type ConsoleReplayWebhookEventsMutation,
  type ConsoleWebhookDeliveriesQuery,
  type WebhookDeliveryStatus,
  type WebhookEndpointFieldsFragment,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { useGraph, useQuery, useReloadWhile } from '../useGraph.js';

type Delivery = ConsoleWebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];
const statusTone: Record<WebhookDeliveryStatus, Tone> = { PENDING: 'info', DELIVERED: 'good', DEAD: 'bad' };
const sources = ['profile', 'ledger', 'rewards', 'campaign'] as const;
const refreshMs = 2000;

function typesWords(t: Translate, types: readonly string[]): string {
  return types.includes('*') ? t('webhooks.allEvents') : types.join(', ');
}

/** Integrations' endpoints, their secrets and replays, and the delivery log with its dead letters. */
export function Webhooks() {
  const { t } = useI18n();
  const loaded = useQuery(ConsoleWebhooksDocument, {});
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  const endpoints = loaded.data?.webhookEndpoints ?? [];
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      {secret && (
        <Notice tone="success">
          {t('webhooks.secretOnce', { url: secret.url })} <code className="secret">{secret.secret}</code>
        </Notice>
      )}
      <Card title={t('webhooks.endpoints')}>
        {!loaded.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : endpoints.length === 0 ? (
          <p>{t('webhooks.none')}</p>
        ) : (
          <ul className="jobs">
            {endpoints.map((endpoint) => (
              <EndpointRow key={endpoint.id} endpoint={endpoint} onChanged={loaded.reload} onSecret={setSecret} />
            ))}
          </ul>
        )}
      </Card>
      {loaded.data && (
        <NewEndpoint
          eventTypes={loaded.data.webhookEventTypes}
          onRegistered={(url, issued) => {
            setSecret({ url, secret: issued });
            loaded.reload();
          }}
        />
      )}
      <Deliveries endpoints={endpoints} />
    </>
  );
}

function EndpointRow({
  endpoint,
  onChanged,
  onSecret,
}: {
  endpoint: WebhookEndpointFieldsFragment;
  onChanged(): void;
  onSecret(issued: { url: string; secret: string }): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [replaying, setReplaying] = useState(false);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const toggle = () =>
    act(() =>
      endpoint.enabled
        ? graph.request(ConsoleDisableWebhookDocument, { id: endpoint.id })
        : graph.request(ConsoleEnableWebhookDocument, { id: endpoint.id }),
    );
  const rotate = () => {
    if (!window.confirm(t('webhooks.confirmRotate', { url: endpoint.url }))) return;
    void act(async () => {
      const { rotateWebhookSecret } = await graph.request(ConsoleRotateWebhookSecretDocument, { id: endpoint.id });
      onSecret({ url: endpoint.url, secret: rotateWebhookSecret.secret });
    });
  };
  return (
    <li className="job">
      <div className="job-head">
        <strong className="break">{endpoint.url}</strong>
        <Pill tone={endpoint.enabled ? 'good' : 'warning'}>
          {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
        </Pill>
      </div>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="muted">
        {t('webhooks.subscribed', { types: typesWords(t, endpoint.eventTypes) })} ·{' '}
        {t('webhooks.secretHint', { hint: endpoint.secretHint })}
        {endpoint.previousSecretExpiresAt &&
          ` · ${t('webhooks.previousSecret', { until: formatDateTime(locale, endpoint.previousSecretExpiresAt) })}`}
      </p>
      <div className="actions">
        <Button
          variant="secondary"
          busy={busy}
          onClick={() => void toggle()}
          aria-label={`${endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')} ${endpoint.url}`}
        >
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </Button>
        <Button variant="secondary" onClick={rotate} aria-label={`${t('webhooks.rotate')} ${endpoint.url}`}>
          {t('webhooks.rotate')}
        </Button>
        <Button
          variant="ghost"
          aria-expanded={replaying}
          onClick={() => setReplaying(!replaying)}
          aria-label={`${t('webhooks.replay')} ${endpoint.url}`}
        >
          {t('webhooks.replay')}
        </Button>
      </div>
      {replaying && <Replay endpointId={endpoint.id} />}
      {error !== undefined && <ErrorNotice error={error} />}
    </li>
  );
}

function Replay({ endpointId }: { endpointId: string }) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [source, setSource] = useState<string>('ledger');
  const [after, setAfter] = useState('0');
  const [result, setResult] = useState<ConsoleReplayWebhookEventsMutation['replayWebhookEvents']>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const afterEventId = Number(after);
  const problem = Number.isInteger(afterEventId) && afterEventId >= 0 ? undefined : t('webhooks.replayAfterProblem');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(undefined);
    try {
      const { replayWebhookEvents } = await graph.request(ConsoleReplayWebhookEventsDocument, {
        endpointId,
        source,
        afterEventId,
      });
      setResult(replayWebhookEvents);
      // The next call goes on from where this one stopped.
      setAfter(String(replayWebhookEvents.lastEventId));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('webhooks.replayForm')} noValidate>
      <p className="muted">{t('webhooks.replayHint')}</p>
      <div className="form-grid">
        <SelectField
          label={t('webhooks.source')}
          value={source}
          onChange={(event) => {
            setSource(event.target.value);
            setAfter('0');
            setResult(undefined);
          }}
          options={sources.map((value) => ({ value, label: t(`webhooks.source.${value}`) }))}
        />
        <TextField
          label={t('webhooks.replayAfter')}
          hint={t('webhooks.replayAfterHint')}
          inputMode="numeric"
          value={after}
          onChange={(event) => setAfter(event.target.value)}
          error={problem}
        />
      </div>
      <Button type="submit" busy={busy}>
        {result?.hasMore ? t('webhooks.replayMore') : t('webhooks.replaySubmit')}
      </Button>
      <div aria-live="polite">
        {result && (
          <Notice tone="success">
            {t(result.hasMore ? 'webhooks.replayedMore' : 'webhooks.replayed', {
              count: formatNumber(locale, result.enqueued),
              replay: result.replay,
              last: result.lastEventId,
            })}
          </Notice>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </form>
  );
}

function NewEndpoint({
  eventTypes,
  onRegistered,
}: {
  eventTypes: readonly string[];
  onRegistered(url: string, secret: string): void;
}) {
  const { t } = useI18n();
  const graph = useGraph();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(false);
  const [types, setTypes] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const urlProblem = /^https?:\/\/[^\s/@]+/.test(url.trim()) ? undefined : t('webhooks.urlProblem');
  const typesProblem = all || types.length > 0 ? undefined : t('webhooks.typesProblem');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (urlProblem || typesProblem) return;
    setBusy(true);
    setError(undefined);
    try {
      const { registerWebhookEndpoint } = await graph.request(ConsoleRegisterWebhookDocument, {
        input: { url: url.trim(), eventTypes: all ? ['*'] : types, description: description.trim() || undefined },
      });
      onRegistered(registerWebhookEndpoint.endpoint.url, registerWebhookEndpoint.secret);
      setUrl('');
      setDescription('');
      setTypes([]);
      setAll(false);
      setAttempted(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('webhooks.new')}>
      <form onSubmit={(event) => void submit(event)} aria-label={t('webhooks.new')} noValidate>
        <div className="form-grid">
          <TextField
            label={t('webhooks.url')}
            hint={t('webhooks.urlHint')}
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            error={attempted ? urlProblem : undefined}
          />
          <TextField
            label={t('webhooks.description')}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <CheckboxField label={t('webhooks.allEventsLabel')} checked={all} onChange={setAll} />
        {!all && (
          <ToggleGroup
            label={t('webhooks.types')}
            hint={t('webhooks.typesHint')}
            options={eventTypes.map((value) => ({ value, label: value }))}
            selected={types}
            onChange={setTypes}
          />
        )}
        {attempted && typesProblem && <p className="field-error">{typesProblem}</p>}
        <Button type="submit" busy={busy}>
          {t('webhooks.register')}
        </Button>
        <div aria-live="polite">{error !== undefined && <ErrorNotice error={error} />}</div>
      </form>
    </Card>
  );
}

function Deliveries({ endpoints }: { endpoints: readonly WebhookEndpointFieldsFragment[] }) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [endpointId, setEndpointId] = useState('');
  const [older, setOlder] = useState<Delivery[]>([]);
  const [cursor, setCursor] = useState<string | null>();
  const [error, setError] = useState<unknown>();
  const filter = { status: status || undefined, endpointId: endpointId || undefined };
  const first = useQuery(ConsoleWebhookDeliveriesDocument, filter);
  const page = first.data?.webhookDeliveries;
  // A refreshed first page may hold deliveries already among the older ones: each is listed once.
  const firstRows = page?.edges.map((edge) => edge.node) ?? [];
  const seen = new Set(firstRows.map((delivery) => delivery.id));
  const rows = [...firstRows, ...older.filter((delivery) => !seen.has(delivery.id))];
  const { reload } = first;
  useReloadWhile(
    rows.some((delivery) => delivery.status === 'PENDING'),
    reload,
    refreshMs,
  );
  const urlOf = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.url]));
  const next = cursor === undefined ? page?.pageInfo : { hasNextPage: cursor !== null, endCursor: cursor };
  const loadMore = async () => {
    if (!next?.endCursor) return;
    try {
      const { webhookDeliveries } = await graph.request(ConsoleWebhookDeliveriesDocument, {
        ...filter,
        after: next.endCursor,
      });
      setOlder([...older, ...webhookDeliveries.edges.map((edge) => edge.node)]);
      setCursor(webhookDeliveries.pageInfo.hasNextPage ? (webhookDeliveries.pageInfo.endCursor ?? null) : null);
    } catch (failure) {
      setError(failure);
    }
  };
  const refilter = (change: () => void) => {
    change();
    setOlder([]);
    setCursor(undefined);
  };
  const retry = async (delivery: Delivery) => {
    setError(undefined);
    try {
      await graph.request(ConsoleRetryWebhookDeliveryDocument, { id: delivery.id });
      refilter(() => undefined);
      reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Card title={t('webhooks.deliveries')}>
      <div className="form-grid">
        <SelectField
          label={t('webhooks.filterStatus')}
          value={status}
          onChange={(event) => refilter(() => setStatus(event.target.value as WebhookDeliveryStatus | ''))}
          options={[
            { value: '', label: t('webhooks.anyStatus') },
            ...(['PENDING', 'DELIVERED', 'DEAD'] as const).map((value) => ({
              value,
              label: t(`webhookStatus.${value}`),
            })),
          ]}
        />
        <SelectField
          label={t('webhooks.filterEndpoint')}
          value={endpointId}
          onChange={(event) => refilter(() => setEndpointId(event.target.value))}
          options={[
            { value: '', label: t('webhooks.anyEndpoint') },
            ...endpoints.map((endpoint) => ({ value: endpoint.id, label: endpoint.url })),
          ]}
        />
      </div>
      {(first.error ?? error) !== undefined && <ErrorNotice error={first.error ?? error} />}
      {!page ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.endpoint')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.lastAnswer')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('webhooks.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <strong>{delivery.eventType}</strong>
                    <div className="muted">
                      {t('webhooks.eventRef', { source: delivery.source, id: delivery.eventId })}
                      {delivery.replay > 0 && ` · ${t('webhooks.replayNumber', { replay: delivery.replay })}`} ·{' '}
                      {formatDateTime(locale, delivery.createdAt)}
                    </div>
                  </td>
                  <td className="break">{urlOf.get(delivery.endpointId) ?? delivery.endpointId}</td>
                  <td>
                    <Pill tone={statusTone[delivery.status]}>{t(`webhookStatus.${delivery.status}`)}</Pill>
                    <div className="muted">{t('webhooks.attempts', { count: delivery.attempts })}</div>
                  </td>
                  <td>
                    {delivery.deliveredAt
                      ? t('webhooks.deliveredAt', { at: formatDateTime(locale, delivery.deliveredAt) })
                      : (delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : '—'))}
                    {delivery.status === 'PENDING' && delivery.nextAttemptAt && (
                      <div className="muted">
                        {t('webhooks.nextAttempt', { at: formatDateTime(locale, delivery.nextAttemptAt) })}
                      </div>
                    )}
                  </td>
                  <td>
                    {delivery.status === 'DEAD' && (
                      <Button
                        variant="secondary"
                        onClick={() => void retry(delivery)}
                        aria-label={t('webhooks.retryLabel', { type: delivery.eventType, id: delivery.id })}
                      >
                        {t('webhooks.retry')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next?.hasNextPage && (
        <Button variant="ghost" onClick={() => void loadMore()}>
          {t('webhooks.more')}
        </Button>
      )}
    </Card>
  );
}
