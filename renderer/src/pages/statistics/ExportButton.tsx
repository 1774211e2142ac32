import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import { downloadCsv } from './downloadCsv';

export function ExportButton({ input }: { input: ChannelInput<'stats.export'> }) {
  const { t } = useTranslation('stats');
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        void downloadCsv(input).finally(() => setBusy(false));
      }}
    >
      {t('export')}
    </Button>
  );
}
