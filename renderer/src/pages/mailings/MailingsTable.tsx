import { ActionIcon, Anchor, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../router';
import { formatDateTime } from '../../format';
import { mailingTitle, type MailingSummary } from '../../mailing/mailingTypes';
import { useCopyMailing } from './useCopyMailing';

/**
 * The list of mailings on the overview and in the archive: onderwerp (with the type below it), a
 * date, status, and per row a copy button plus any actions of the page's own.
 */
export function MailingsTable(props: {
  mailings: MailingSummary[];
  testId: string;
  /** Column heading for the date (aangemaakt op, verzonden op) and the date it shows. */
  dateHeading: string;
  dateOf: (mailing: MailingSummary) => number;
  /** Where the subject leads (e.g. the editor for open mailings, the preview for sent ones). */
  pathOf: (mailing: MailingSummary) => string;
  copyTooltip: string;
  /** Shown next to the subject, such as the template badge. */
  besideTitle?: (mailing: MailingSummary) => ReactNode;
  /** Actions after the copy button, such as delete. */
  moreActions?: (mailing: MailingSummary, title: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation('mailings');
  const { copy, copyingId } = useCopyMailing();
  return (
    <Table striped highlightOnHover data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('overview.subject')}</Table.Th>
          <Table.Th>{props.dateHeading}</Table.Th>
          <Table.Th>{t('overview.status')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('overview.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.mailings.map((mailing) => {
          const title = mailingTitle(mailing, t);
          return (
            <Table.Tr key={mailing.id} data-testid="mailing-row">
              <Table.Td>
                <Group gap="xs">
                  <Anchor href={href(props.pathOf(mailing))}>{title}</Anchor>
                  {props.besideTitle?.(mailing)}
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`types.${mailing.type}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {formatDateTime(props.dateOf(mailing), i18n.language, { seconds: true })}
              </Table.Td>
              <Table.Td>{t(`status.${mailing.status}`)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={props.copyTooltip}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('overview.copyNamed', { name: title })}
                      loading={copyingId === mailing.id}
                      onClick={() => void copy(mailing)}
                    >
                      <IconCopy size={18} />
                    </ActionIcon>
                  </Tooltip>
                  {props.moreActions?.(mailing, title)}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
