import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { href } from '../../../router';
import { formatDateTime } from '../formatDateTime';
import { mailingTitle, type MailingSummary } from '../mailingTypes';
import { useCopyMailing } from '../useCopyMailing';
import { DeleteMailingButton } from './DeleteMailingButton';

/** Onderwerp, aangemaakt op, status, and per row: copy, and delete (never for a template). */
export function OpenMailingsTable({
  mailings,
  onChanged,
}: {
  mailings: MailingSummary[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('mailings');
  const { copy, copyingId } = useCopyMailing();
  if (mailings.length === 0) return <Text c="dimmed">{t('overview.empty')}</Text>;
  return (
    <Table striped highlightOnHover data-testid="open-mailings">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('overview.subject')}</Table.Th>
          <Table.Th>{t('overview.createdAt')}</Table.Th>
          <Table.Th>{t('overview.status')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('overview.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mailings.map((mailing) => {
          const title = mailingTitle(mailing, t);
          return (
            <Table.Tr key={mailing.id} data-testid="mailing-row">
              <Table.Td>
                <Group gap="xs">
                  <Anchor href={href(`/mailings/${mailing.id}/inhoud`)}>{title}</Anchor>
                  {mailing.templateKey && (
                    <Badge variant="light" size="sm">
                      {t('overview.template')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`types.${mailing.type}`)}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(mailing.createdAt)}</Table.Td>
              <Table.Td>{t(`status.${mailing.status}`)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('overview.copy')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('overview.copyNamed', { name: title })}
                      loading={copyingId === mailing.id}
                      onClick={() => void copy(mailing)}
                    >
                      <IconCopy size={18} />
                    </ActionIcon>
                  </Tooltip>
                  {!mailing.templateKey && (
                    <DeleteMailingButton id={mailing.id} title={title} onDeleted={onChanged} />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
