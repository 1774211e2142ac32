import {
  Alert,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { formatDateTime } from '../../format';

type Page = ChannelOutput<'bounces.list'>;
type Item = Page['items'][number];

/** Theme colour tokens per kind (red: gone for good; grey: nothing happened). */
const KIND_COLORS: Record<Item['kind'], string> = {
  hard: 'red.9',
  soft: 'yellow.9',
  blocked: 'orange.9',
  complaint: 'grape.9',
  delayed: 'gray.7',
  auto_reply: 'gray.7',
  review: 'red.7',
};
const PAGE = 20;

/** What came back to the bounce mailbox, newest first; a wrong call can be undone. */
export function BounceList() {
  const { t, i18n } = useTranslation('bounces');
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const client = useQueryClient();
  // Pages of 20, newest first; a new bounce (bounces.processed in staleAfter.ts) fetches them again.
  const queryKey = ['bounces.list', { limit: PAGE }, 'pages'] as const;
  const pages = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      api.call('bounces.list', { limit: PAGE, ...(pageParam ? { beforeId: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (page: Page) => page.nextBeforeId,
  });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const error = actionError ?? (pages.isError ? errorMessage(pages.error, t) : null);
  /** A decision answers the item as it now is: it changes in place, the rest stays. */
  const replaceItem = (next: Item) =>
    client.setQueryData<InfiniteData<Page, number | null>>(queryKey, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((i) => (i.id === next.id ? next : i)),
            })),
          }
        : data,
    );

  const act = (item: Item, decision: 'undo' | 'suppress' | 'dismiss') => {
    setBusyId(item.id);
    setActionError(null);
    const call =
      decision === 'undo'
        ? api.call('bounces.undo', { id: item.id })
        : api.call('bounces.review', { id: item.id, decision });
    call
      .then((next) => replaceItem(next))
      .catch((failure: unknown) => setActionError(errorMessage(failure, t)))
      .finally(() => setBusyId(null));
  };

  return (
    <Stack gap="xs" mt="lg" data-testid="bounce-list">
      <Title order={4} size="h5">
        {t('list.title')}
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('list.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.when')}</Table.Th>
                <Table.Th>{t('list.email')}</Table.Th>
                <Table.Th>{t('list.kind')}</Table.Th>
                <Table.Th>{t('list.mailing')}</Table.Th>
                <Table.Th>{t('list.reason')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="bounce-row">
                  <Table.Td>
                    {formatDateTime(item.receivedAt ?? item.processedAt, i18n.language, {
                      seconds: true,
                    })}
                  </Table.Td>
                  <Table.Td>{item.email ?? ''}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="xs" fw={600} c={KIND_COLORS[item.kind]}>
                        {t(`kinds.${item.kind}`)}
                      </Text>
                      <Effects item={item} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {item.mailingSubject ?? (item.mailingId ? item.mailingId : t('list.notLinked'))}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" lineClamp={3}>
                      {item.reason || item.status}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.kind === 'review' && item.undoneAt === null ? (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('list.suppressHelp')} multiline w={260}>
                          <Button
                            size="xs"
                            color="red"
                            loading={busyId === item.id}
                            onClick={() => act(item, 'suppress')}
                          >
                            {t('list.suppress')}
                          </Button>
                        </Tooltip>
                        <Tooltip label={t('list.dismissHelp')} multiline w={260}>
                          <Button
                            size="xs"
                            variant="default"
                            disabled={busyId === item.id}
                            onClick={() => act(item, 'dismiss')}
                          >
                            {t('list.dismiss')}
                          </Button>
                        </Tooltip>
                      </Group>
                    ) : item.undoneAt !== null ? (
                      <Text size="xs" c="dimmed">
                        {item.kind === 'review' ? t('list.dismissed') : t('list.undone')}
                      </Text>
                    ) : item.undoable ? (
                      <Tooltip label={t('list.undoHelp')} multiline w={260}>
                        <Button
                          size="xs"
                          variant="default"
                          loading={busyId === item.id}
                          onClick={() => act(item, 'undo')}
                        >
                          {t('list.undo')}
                        </Button>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => void pages.fetchNextPage()}>
            {t('list.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Effects({ item }: { item: Item }) {
  const { t } = useTranslation('bounces');
  const notes: string[] = [];
  if (item.effects.suppressed) notes.push(t('list.suppressed'));
  if (item.kind === 'soft' && item.effects.softBounceCount !== null) {
    notes.push(t('list.softCount', { n: item.effects.softBounceCount }));
  }
  if (item.effects.pausedSends.length > 0) notes.push(t('list.paused'));
  if (notes.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {notes.join(', ')}
    </Text>
  );
}
