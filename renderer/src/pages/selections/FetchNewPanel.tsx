import { Alert, Button, Card, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';

type FetchResult = ChannelOutput<'selections.fetchNew'>;

/** "Nieuwe selectie(s) ophalen": confirm the permission once, fetch, and say what happened per file. */
export function FetchNewPanel(props: { folder: string; onClose: () => void }) {
  const { t } = useTranslation('selections');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<FetchResult | null>(null);

  const fetchNew = async () => {
    setBusy(true);
    try {
      setResult(await api.call('selections.fetchNew', { consent: true }));
      // Each file's import makes the lists stale by its "done" event (staleAfter.ts).
      setError('');
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="fetch-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('fetch.title')}
        </Title>
        <Text size="sm">{t('fetchNewHelp', { folder: props.folder })}</Text>
        {!result && (
          <>
            <Text size="sm" c="dimmed">
              {t('avgNote')}
            </Text>
            <Checkbox
              label={t('import.consent')}
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {result && (
          <Alert color={result.failed.length > 0 ? 'yellow' : 'green'} role="status">
            {result.imported.length + result.failed.length + result.leftForAutomation.length ===
            0 ? (
              t('fetch.none')
            ) : (
              <List size="sm">
                {result.imported.map((r) => (
                  <List.Item key={r.selectionId}>
                    {t('fetch.imported', { fileName: r.fileName, count: r.imported })}
                  </List.Item>
                ))}
                {result.failed.map((f) => (
                  <List.Item key={f.fileName}>
                    {t('fetch.failed', { fileName: f.fileName, reason: t(f.key, f.params) })}
                  </List.Item>
                ))}
                {result.leftForAutomation.map((fileName) => (
                  <List.Item key={fileName}>{t('fetch.leftForAutomation', { fileName })}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Group>
          {!result && (
            <Button onClick={() => void fetchNew()} disabled={!consent} loading={busy}>
              {t('fetch.submit')}
            </Button>
          )}
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {t('import.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
