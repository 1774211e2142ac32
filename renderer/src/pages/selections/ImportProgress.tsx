import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Rows done of the file's rows while an import runs, so a large file visibly moves. */
export function ImportProgress(props: { rows: number; total?: number }) {
  const { t } = useTranslation('selections');
  const { rows, total } = props;
  const known = total !== undefined && total > 0;
  const percent = known ? Math.min(100, Math.round((rows / total) * 100)) : 0;
  return (
    <Stack gap={4} data-testid="import-progress">
      <Progress value={percent} striped animated aria-label={t('import.progressLabel')} />
      <Text size="sm">
        {known ? t('import.progress', { rows, total }) : t('import.uploading', { rows })}
      </Text>
    </Stack>
  );
}
