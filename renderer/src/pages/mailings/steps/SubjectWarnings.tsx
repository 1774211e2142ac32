import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubjectWarning } from '../../../mailing/mailingTypes';

/** The advice for one field, right under it; polite live region so it is heard while typing. */
export function SubjectWarnings({
  warnings,
  testId,
}: {
  warnings: SubjectWarning[];
  testId: string;
}) {
  const { t } = useTranslation('mailings');
  return (
    <div aria-live="polite" data-testid={testId}>
      {warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} p="xs">
          <List size="sm" spacing={2}>
            {warnings.map((warning) => (
              <List.Item key={warning.code}>{t(warning.key, warning.params ?? {})}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </div>
  );
}
