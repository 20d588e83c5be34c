import { Notice } from '../../ui/components.js';
import { useI18n } from '../../ui/i18n.js';
import { en, type MessageKey } from '../../ui/messages/en.js';
import { errorCode } from './graph.js';

/** A refusal in a member's words (by its `extensions.code`), with the graph's own sentence under it. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  const code = errorCode(error);
  // The wallet's own words where the console's speak to staff.
  const key = [`wallet.error.${code}`, `error.${code}`].find((candidate) => candidate in en) as MessageKey | undefined;
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <Notice tone="error">
      <strong>{key ? t(key) : t('error.unknown')}</strong>
      {detail && (
        <>
          <br />
          <span>
            {detail} ({code})
          </span>
        </>
      )}
    </Notice>
  );
}
