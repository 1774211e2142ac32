import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';

type Outcome = Awaited<ReturnType<typeof api.call<'smtp.test'>>>;

/** "Verbinding testen": tries the saved mail server and says in plain words what is wrong. */
export function SmtpTestActions() {
  const { t } = useTranslation('sending');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const test = async () => {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await api.call('smtp.test', {}));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={t('smtpTest.title')}
      data-testid="smtp-test"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t('smtpTest.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('smtpTest.description')}
          </Text>
        </div>
        {outcome && (
          <Alert color={outcome.ok ? 'green' : 'red'} role="status" data-testid="smtp-test-result">
            {t(outcome.key)}
            {outcome.detail && (
              <Text size="xs" c="dimmed">
                {outcome.detail}
              </Text>
            )}
          </Alert>
        )}
        {error !== null && <Alert color="red">{errorText(error, t)}</Alert>}
        <Group>
          <Button variant="light" onClick={() => void test()} loading={busy}>
            {t('smtpTest.button')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
