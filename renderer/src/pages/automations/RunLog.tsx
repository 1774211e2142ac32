import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../data/useChannelQuery';
import { formatDateTime } from '../../format';
import { href } from '../../router';
import { errorText } from '../../components/fieldErrors';
import { reasonText, type Automation, type AutomationRun } from './automationTypes';

const SKIP_REASONS = ['alreadySent', 'noKey', 'suppressed', 'recentlyMailed', 'duplicates'];

/** "Logboek": every run with its file, recipients, sent, skipped with reasons, credits, statistics. */
export function RunLog(props: { automation: Automation; onClose: () => void }) {
  const { t, i18n } = useTranslation('automations');
  // Fetched again when a run ends (automations.changed in staleAfter.ts).
  const { data, error: failure } = useChannelQuery('automations.runs', { id: props.automation.id });
  const runs: AutomationRun[] | null = data ?? null;
  const error: unknown = failure;

  const skippedText = (run: AutomationRun) =>
    SKIP_REASONS.filter((reason) => (run.skipped[reason] ?? 0) > 0)
      .map((reason) => t(`skipped.${reason}`, { count: run.skipped[reason] }))
      .join(', ');

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('log.title', { name: props.automation.name })}
      size="100%"
    >
      <Stack gap="md" data-testid="run-log">
        {error !== null && (
          <Alert color="red" role="alert">
            {errorText(error, t)}
          </Alert>
        )}
        {runs === null && error === null && <Loader aria-label={t('common:loading')} />}
        {runs?.length === 0 && <Text c="dimmed">{t('log.empty')}</Text>}
        {runs && runs.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('log.when')}</Table.Th>
                <Table.Th>{t('log.file')}</Table.Th>
                <Table.Th>{t('log.state')}</Table.Th>
                <Table.Th>{t('log.recipients')}</Table.Th>
                <Table.Th>{t('log.sent')}</Table.Th>
                <Table.Th>{t('log.skipped')}</Table.Th>
                <Table.Th>{t('log.credits')}</Table.Th>
                <Table.Th>{t('log.stats')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((run) => (
                <Table.Tr key={run.id} data-testid="run-row">
                  <Table.Td>{formatDateTime(run.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{run.fileName ?? run.sourceKey}</Table.Td>
                  <Table.Td>
                    {t(`runState.${run.state}`)}
                    {run.reason && (
                      <Text size="sm" c="dimmed">
                        {reasonText(run.reason, t)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{run.recipients}</Table.Td>
                  <Table.Td>{run.sent}</Table.Td>
                  <Table.Td>{skippedText(run)}</Table.Td>
                  <Table.Td>{run.credits}</Table.Td>
                  <Table.Td>
                    {run.sendId && run.runMailingId && (
                      <Anchor
                        href={href(`/statistieken/${run.runMailingId}`)}
                        aria-label={t('log.statsNamed', { file: run.fileName ?? '' })}
                      >
                        {t('log.stats')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('log.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
