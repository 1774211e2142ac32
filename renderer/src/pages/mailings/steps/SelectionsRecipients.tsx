import { Accordion, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/contract';
import { formatDateTime, formatNumber } from '../../../format';

type Summary = ChannelOutput<'mailings.recipients'>;
type Entry = Summary['duplicates'][number];

/** The recipients of step 3, and each skipped count with the list behind it. */
export function SelectionsRecipients({
  summary,
  creditsPerMail,
}: {
  summary: Summary;
  creditsPerMail: number;
}) {
  const { t, i18n } = useTranslation('selections');
  const sections: { key: string; title: string; entries: Entry[]; detail: string }[] = [
    {
      key: 'duplicates',
      title: t('step.duplicates', { count: summary.duplicateCount }),
      entries: summary.duplicates,
      detail: '',
    },
    {
      key: 'suppressed',
      title: t('step.suppressed', { count: summary.suppressedCount }),
      entries: summary.suppressed,
      detail: t('step.detail'),
    },
  ];
  if (summary.fairUseHours > 0)
    sections.push({
      key: 'recentlyMailed',
      title: t('step.recentlyMailed', {
        hours: summary.fairUseHours,
        count: summary.recentlyMailedCount,
      }),
      entries: summary.recentlyMailed,
      detail: t('step.sentAt'),
    });
  return (
    <Card withBorder padding="lg" data-testid="recipients-summary">
      <Stack gap="sm">
        <Title order={4}>{t('step.recipients')}</Title>
        <Text fw={600} role="status">
          {t('step.recipientCost', {
            count: summary.recipientCount,
            recipients: formatNumber(summary.recipientCount, i18n.language),
            cost: t('step.credits', {
              count: summary.recipientCount * creditsPerMail,
              amount: formatNumber(summary.recipientCount * creditsPerMail, i18n.language),
            }),
          })}
        </Text>
        {summary.outsideSegmentCount > 0 && (
          <Text size="sm">
            {t('segments:editor.outside', {
              count: summary.outsideSegmentCount,
              amount: formatNumber(summary.outsideSegmentCount, i18n.language),
            })}
          </Text>
        )}
        {summary.fairUseHours === 0 && <Text size="sm">{t('step.recentlyMailedOff')}</Text>}
        <Accordion variant="contained" multiple>
          <Accordion.Item value="recipients">
            <Accordion.Control>{t('step.showRecipients')}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm">{summary.recipients.map((r) => r.email).join(', ')}</Text>
            </Accordion.Panel>
          </Accordion.Item>
          {sections.map((section) => (
            <Accordion.Item key={section.key} value={section.key}>
              <Accordion.Control>{section.title}</Accordion.Control>
              <Accordion.Panel>
                <Table>
                  <Table.Tbody>
                    {section.entries.map((entry, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{entry.email}</Table.Td>
                        <Table.Td>{entry.selection}</Table.Td>
                        <Table.Td>{describe(section.key, entry.detail, t, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </Card>
  );
}

function describe(
  kind: string,
  detail: string,
  t: (key: string) => string,
  language: string,
): string {
  if (kind === 'suppressed') return t(`reasons.${detail}`);
  if (kind === 'recentlyMailed') return formatDateTime(new Date(detail).getTime(), language);
  return '';
}
