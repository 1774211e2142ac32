import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { DetailsTable } from './DetailsTable';
import { ExportButton } from './ExportButton';
import { formatNumber } from '../../format';
import { MachineSwitch } from './OpenedView';

/** Bezoeken van links: per link unique and total clicks, and who clicked when. */
export function LinksView(props: {
  stats: ChannelOutput<'stats.get'>;
  includeMachine: boolean;
  onIncludeMachine: (value: boolean) => void;
}) {
  const { stats, includeMachine } = props;
  const { t, i18n } = useTranslation('stats');
  const [open, setOpen] = useState<number | null>(null);
  const n = (value: number) => formatNumber(value, i18n.language);
  const mailingId = stats.mailing.mailingId;
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <ExportButton input={{ mailingId, table: 'links', includeMachine }} />
      </Group>
      {stats.links.length === 0 ? (
        <Text c="dimmed">{t('noLinks')}</Text>
      ) : (
        <Table withTableBorder data-testid="links-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('link')}</Table.Th>
              <Table.Th>{t('uniqueClicks')}</Table.Th>
              <Table.Th>{t('totalClicks')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.links.map((link) => (
              <Fragment key={link.linkId}>
                <Table.Tr>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    {link.url ?? t('linkUnknown', { id: link.linkId })}
                  </Table.Td>
                  <Table.Td>
                    {n(link.clickers + (includeMachine ? link.machineClickers : 0))}
                  </Table.Td>
                  <Table.Td>{n(link.clicks + (includeMachine ? link.machineClicks : 0))}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => setOpen(open === link.linkId ? null : link.linkId)}
                    >
                      {open === link.linkId ? t('hideDetails') : t('details')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
                {open === link.linkId && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Stack gap="xs">
                        <Group justify="flex-end">
                          <ExportButton
                            input={{
                              mailingId,
                              table: 'clicked',
                              linkId: link.linkId,
                              includeMachine,
                            }}
                          />
                        </Group>
                        <DetailsTable
                          query={{
                            mailingId,
                            list: 'clicked',
                            linkId: link.linkId,
                            includeMachine,
                          }}
                        />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MachineSwitch {...props} />
    </Stack>
  );
}
