import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';
import { formatDateTime } from '../../format';
import { reasonText, type Automation } from './automationTypes';

const STATUS_COLOR = { active: 'green', paused: 'orange', draft: 'gray' } as const;

/** One row per automation: name, mailing, status (with why it paused), last run, actions. */
export function AutomationsTable(props: {
  automations: Automation[];
  onEdit: (automation: Automation) => void;
  onActivate: (automation: Automation) => void;
  onPause: (automation: Automation) => void;
  onLog: (automation: Automation) => void;
  onDelete: (automation: Automation) => void;
}) {
  const { t, i18n } = useTranslation('automations');
  // Activeren for a draft or a paused one, Pauzeren for an active one; then the rest.
  const actionsFor = (automation: Automation) => [
    automation.status === 'active'
      ? { key: 'pause', onClick: props.onPause, primary: false }
      : { key: 'activate', onClick: props.onActivate, primary: true },
    { key: 'edit', onClick: props.onEdit, primary: false },
    { key: 'log', onClick: props.onLog, primary: false },
    { key: 'delete', onClick: props.onDelete, primary: false },
  ];
  return (
    <Table striped data-testid="automations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('list.name')}</Table.Th>
          <Table.Th>{t('list.status')}</Table.Th>
          <Table.Th>{t('list.lastRun')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.automations.map((automation) => {
          const name = automation.name;
          const last = automation.lastRun;
          return (
            <Table.Tr key={automation.id} data-testid="automation-row">
              <Table.Td>
                <Text fw={500}>{name}</Text>
                <Text size="xs" c="dimmed">
                  {automation.mailingSubject
                    ? fillSampleCustomer(automation.mailingSubject)
                    : t('list.noMailing')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[automation.status]} variant="light">
                  {t(`status.${automation.status}`)}
                </Badge>
                {automation.status === 'paused' && (
                  <Text size="sm" mt={4} data-testid="pause-reason">
                    {automation.pauseReason
                      ? t('pausedBecause', { reason: reasonText(automation.pauseReason, t) })
                      : t('pausedByYou')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {last
                  ? t('list.lastRunText', {
                      when: formatDateTime(last.createdAt, i18n.language),
                      sent: last.sent,
                    })
                  : t('list.never')}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  {actionsFor(automation).map(({ key, onClick, primary }) => (
                    <Button
                      key={key}
                      size="xs"
                      variant={primary ? 'filled' : key === 'delete' ? 'subtle' : 'default'}
                      color={key === 'delete' ? 'red' : undefined}
                      aria-label={t(`list.${key}Named`, { name })}
                      onClick={() => onClick(automation)}
                    >
                      {t(`list.${key}`)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
