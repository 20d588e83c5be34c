import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, SelectField, TextField } from '../../../ui/components.js';
import { guessIdentifierType } from '../../../ui/identifier.js';
import { useI18n } from '../../../ui/i18n.js';
import { ConsoleFindMemberDocument, type IdentifierType } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { navigate } from '../route.js';
import { useGraph } from '../useGraph.js';

const identifierTypes: readonly IdentifierType[] = [
  'EMAIL',
  'PHONE',
  'MEMBER_CARD',
  'APP_MEMBER_ID',
  'POS_CUSTOMER_ID',
  'ECOMMERCE_CUSTOMER_ID',
  'LEGACY_MEMBER_ID',
];

/** Finds a member by any identifier and opens their page. */
export function Members() {
  const { t } = useI18n();
  const graph = useGraph();
  const [value, setValue] = useState('');
  const [type, setType] = useState<IdentifierType | 'AUTO'>('AUTO');
  const [error, setError] = useState<unknown>();
  const [notFound, setNotFound] = useState(false);
  const [busy, setBusy] = useState(false);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(undefined);
    setNotFound(false);
    try {
      const { customerByIdentifier } = await graph.request(ConsoleFindMemberDocument, {
        type: type === 'AUTO' ? guessIdentifierType(trimmed) : type,
        value: trimmed,
      });
      if (customerByIdentifier) navigate({ page: 'member', id: customerByIdentifier.id });
      else setNotFound(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('members.title')}</h1>
      <Card>
        <form onSubmit={(event) => void find(event)} className="form-grid" aria-label={t('members.find')}>
          <TextField
            label={t('members.identifier')}
            hint={t('members.identifierHint')}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <SelectField
            label={t('members.identifierType')}
            value={type}
            onChange={(event) => setType(event.target.value as IdentifierType | 'AUTO')}
            options={[
              { value: 'AUTO', label: t('identifier.AUTO') },
              ...identifierTypes.map((value) => ({ value, label: t(`identifier.${value}`) })),
            ]}
          />
          <div className="actions">
            <Button type="submit" busy={busy}>
              {t('members.find')}
            </Button>
          </div>
        </form>
        {notFound && <Notice tone="info">{t('members.notFound', { value: value.trim() })}</Notice>}
        {error !== undefined && <ErrorNotice error={error} />}
      </Card>
    </>
  );
}
