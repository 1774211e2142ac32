import {
  ActionIcon,
  Alert,
  Anchor,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../mailings/errorText';
import { href } from '../../router';
import { formatDateTime } from '../mailings/formatDateTime';
import { mailingTitle } from '../mailings/mailingTypes';
import { useCopyMailing } from '../mailings/useCopyMailing';
import { useMailingList } from '../mailings/useMailingList';

/** Mailings - archief: what was sent, to look at as it went out, or to copy into a new mailing. */
export function ArchivePage() {
  const { t } = useTranslation('mailings');
  const { mailings, error } = useMailingList('sent');
  const { copy, copyingId } = useCopyMailing();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('archive.title')}</Title>
        <Text c="dimmed">{t('archive.intro')}</Text>
      </div>
      {error !== null && mailings === null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      {mailings === null && error === null && <Loader aria-label={t('common:loading')} />}
      {mailings?.length === 0 && <Text c="dimmed">{t('archive.empty')}</Text>}
      {mailings && mailings.length > 0 && (
        <Table striped highlightOnHover data-testid="archived-mailings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overview.subject')}</Table.Th>
              <Table.Th>{t('archive.sentAt')}</Table.Th>
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
                    <Anchor href={href(`/mailings/${mailing.id}/preview`)}>{title}</Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`types.${mailing.type}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(mailing.sentAt ?? mailing.updatedAt)}</Table.Td>
                  <Table.Td>{t(`status.${mailing.status}`)}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Tooltip label={t('archive.copy')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('overview.copyNamed', { name: title })}
                          loading={copyingId === mailing.id}
                          onClick={() => void copy(mailing)}
                        >
                          <IconCopy size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
