import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { href } from '../../../router';
import type { PreviewWarning } from '../../../mailing/mailingTypes';

/** What the preview noticed, each with a link to the block that causes it. */
export function PreviewWarnings(props: { mailingId: string; warnings: PreviewWarning[] }) {
  const { t } = useTranslation('mailings');
  if (props.warnings.length === 0) {
    return (
      <Text size="sm" c="green.8" data-testid="preview-warnings">
        {t('preview.noWarnings')}
      </Text>
    );
  }
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={t('preview.warningsTitle')}
      data-testid="preview-warnings"
    >
      <List size="sm" spacing={4}>
        {props.warnings.map((warning, index) => (
          <List.Item key={`${warning.code}-${warning.blockId ?? ''}-${index}`}>
            {t(warning.key, warning.params ?? {})}
            {warning.blockId && (
              <>
                {' '}
                <Anchor
                  href={href(
                    `/mailings/${props.mailingId}/inhoud?block=${encodeURIComponent(warning.blockId)}`,
                  )}
                >
                  {t('preview.showBlock')}
                </Anchor>
              </>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
