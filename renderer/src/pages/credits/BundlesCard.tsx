import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { formatDateTime, formatEuro, formatNumber } from '../../format';
import { ConfirmCostDialog } from '../../components/ConfirmCostDialog';
import { errorText } from '../../components/fieldErrors';

type Credits = ChannelOutput<'credits.get'>;

/** The reseller's bundles with prices; "Bestellen" records an order request at the tracker. */
export function BundlesCard({ credits, onOrdered }: { credits: Credits; onOrdered: () => void }) {
  const { t, i18n } = useTranslation('credits');
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<Credits['bundles'][number] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // One key per click on a bundle: a retry of the same request (or a double click) orders once.
  const [keys] = useState(() => new Map<string, string>());

  const order = (bundleId: string) => {
    setAsking(null);
    const key = keys.get(bundleId) ?? crypto.randomUUID();
    keys.set(bundleId, key);
    setBusy(bundleId);
    setMessage(null);
    api
      .call('credits.order', { bundleId, idempotencyKey: key })
      .then((placed) => {
        keys.delete(bundleId);
        setMessage({
          ok: true,
          text: t('ordered', { credits: formatNumber(placed.credits, i18n.language) }),
        });
        onOrdered();
      })
      .catch((failure: unknown) => setMessage({ ok: false, text: errorText(failure, t) }))
      .finally(() => setBusy(null));
  };

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('bundles')}
        </Title>
        {credits.bundles.length === 0 ? (
          <Text c="dimmed">{t(credits.linked ? 'noBundlesLinked' : 'noBundles')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="bundles">
            {credits.bundles.map((bundle) => (
              <Card key={bundle.id} withBorder padding="md">
                <Stack gap={4}>
                  <Text fw={600}>{bundle.name}</Text>
                  <Text>
                    {t('bundleCredits', { credits: formatNumber(bundle.credits, i18n.language) })}
                  </Text>
                  <Text size="lg" fw={700}>
                    {formatEuro(bundle.priceCents, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('pricePerCredit', {
                      price: formatEuro(bundle.priceCents / bundle.credits, i18n.language),
                    })}
                  </Text>
                  <Button
                    mt="xs"
                    disabled={!credits.linked}
                    loading={busy === bundle.id}
                    onClick={() => setAsking(bundle)}
                  >
                    {t('order')}
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        )}
        <ConfirmCostDialog
          opened={asking !== null}
          testId="order-confirm"
          title={t('confirmTitle')}
          question={
            asking &&
            t('confirmQuestion', {
              name: asking.name,
              credits: formatNumber(asking.credits, i18n.language),
              price: formatEuro(asking.priceCents, i18n.language),
            })
          }
          details={
            <Text size="sm" c="dimmed">
              {t('confirmNote')}
            </Text>
          }
          confirmLabel={t('order')}
          busy={asking !== null && busy === asking.id}
          onConfirm={() => asking && order(asking.id)}
          onCancel={() => setAsking(null)}
        />
        {credits.orders.length > 0 && (
          <>
            <Title order={4}>{t('orders')}</Title>
            <Table withTableBorder data-testid="orders">
              <Table.Tbody>
                {credits.orders.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{formatDateTime(o.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {t('bundleCredits', { credits: formatNumber(o.credits, i18n.language) })}
                    </Table.Td>
                    <Table.Td>
                      <Group>
                        <Badge
                          variant="light"
                          color={
                            o.status === 'fulfilled'
                              ? 'green'
                              : o.status === 'cancelled'
                                ? 'gray'
                                : 'blue'
                          }
                        >
                          {t(`orderStatus.${o.status}`)}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
