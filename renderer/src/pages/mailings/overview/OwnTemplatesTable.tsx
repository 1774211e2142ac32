import {
  ActionIcon,
  Badge,
  Group,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { formatDateTime } from '../../../format';
import { LibraryItemActions } from '../../../library/LibraryItemActions';
import type { LibraryItem } from '../../../library/useLibrary';
import { navigate } from '../../../router';
import { errorText } from '../../../components/fieldErrors';

/**
 * "Mijn sjablonen" under the mailings: the copy icon starts a new mailing from one (at step 2,
 * as a copy of BASIS or VOORBEELD does); rename and delete beside it.
 */
export function OwnTemplatesTable(props: { items: LibraryItem[] }) {
  const { t, i18n } = useTranslation(['library', 'mailings']);
  const [copyingId, setCopyingId] = useState<string | null>(null);
  if (props.items.length === 0) return null;
  const copy = async (item: LibraryItem) => {
    setCopyingId(item.id);
    try {
      const mailing = await api.call('library.createMailing', { id: item.id });
      navigate(`/mailings/${mailing.id}/algemeen`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('templates.copyFailed'),
        message: errorText(error, t),
      });
    } finally {
      setCopyingId(null);
    }
  };
  return (
    <Stack gap="xs" mt="lg">
      <Title order={2} size="h4">
        {t('templates.title')}
      </Title>
      <Table striped highlightOnHover data-testid="own-templates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('saveBlock.name')}</Table.Th>
            <Table.Th>{t('mailings:overview.createdAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('mailings:overview.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((item) => (
            <Table.Tr key={item.id} data-testid="own-template-row">
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{item.name}</Text>
                  <Badge variant="light" size="sm">
                    {t('templates.badge')}
                  </Badge>
                </Group>
                {item.mailingType && (
                  <Text size="xs" c="dimmed">
                    {t(`mailings:types.${item.mailingType}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {formatDateTime(item.createdAt, i18n.language, { seconds: true })}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('templates.copy')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('templates.copyNamed', { name: item.name })}
                      loading={copyingId === item.id}
                      onClick={() => void copy(item)}
                    >
                      <IconCopy size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <LibraryItemActions item={item} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
