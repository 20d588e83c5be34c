import { Notice } from '../../ui/components.js';
import { useI18n } from '../../ui/i18n.js';
import type { MessageKey } from '../../ui/messages/en.js';
import { en } from '../../ui/messages/en.js';
import { GraphRequestError } from './graph.js';
import { errorCode } from './useGraph.js';

/**
 * A refusal in plain words with what to do (by its `extensions.code`), and the graph's own sentence
 * under it, which names the field or the rule.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  const code = errorCode(error);
  const key = `error.${code}` as MessageKey;
  const words = key in en ? t(key) : t('error.unknown');
  const detail =
    error instanceof GraphRequestError ? error.message : error instanceof Error ? error.message : undefined;
  return (
    <Notice tone="error">
      <strong>{words}</strong>
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
