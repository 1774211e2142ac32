import { Accordion, Alert, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';

type Counts = Pick<
  ChannelOutput<'selections.import'>,
  | 'rejected'
  | 'rejectedCount'
  | 'duplicates'
  | 'duplicateCount'
  | 'alreadySuppressed'
  | 'alreadySuppressedCount'
>;

/** Rejected, duplicate and already-suppressed rows, each count with the rows behind it. */
export function RowLists({ counts }: { counts: Counts }) {
  const { t } = useTranslation('selections');
  return (
    <Accordion variant="contained" multiple data-testid="import-rows">
      <Section value="rejected" title={t('report.rejected', { count: counts.rejectedCount })}>
        <Rows
          total={counts.rejectedCount}
          head={[t('report.row'), t('report.value'), t('report.reason')]}
          rows={counts.rejected.map((r) => [r.row, r.value, t(`rowErrors.${r.reason}`)])}
        />
      </Section>
      <Section value="duplicates" title={t('report.duplicates', { count: counts.duplicateCount })}>
        <Rows
          total={counts.duplicateCount}
          head={[t('report.row'), t('report.email'), t('report.firstRow')]}
          rows={counts.duplicates.map((r) => [r.row, r.email, r.firstRow])}
        />
      </Section>
      <Section
        value="suppressed"
        title={t('report.suppressed', { count: counts.alreadySuppressedCount })}
      >
        <Rows
          total={counts.alreadySuppressedCount}
          head={[t('report.row'), t('report.email'), t('report.reason')]}
          rows={counts.alreadySuppressed.map((r) => [r.row, r.email, t(`reasons.${r.reason}`)])}
        />
      </Section>
    </Accordion>
  );
}

function Section(props: { value: string; title: string; children: ReactNode }) {
  return (
    <Accordion.Item value={props.value}>
      <Accordion.Control>{props.title}</Accordion.Control>
      <Accordion.Panel>{props.children}</Accordion.Panel>
    </Accordion.Item>
  );
}

function Rows(props: { total: number; head: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation('selections');
  if (props.total === 0) return <Text c="dimmed">{t('report.nothing')}</Text>;
  return (
    <>
      <Table>
        <Table.Thead>
          <Table.Tr>
            {props.head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) => (
                <Table.Td key={j}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.rows.length < props.total && (
        <Text size="sm" c="dimmed">
          {t('report.more', { shown: props.rows.length, count: props.total })}
        </Text>
      )}
    </>
  );
}

/** After the import: how many went in, and the lists. */
export function ImportReport({ result }: { result: ChannelOutput<'selections.import'> }) {
  const { t } = useTranslation('selections');
  return (
    <Alert color="green" title={t('report.title')} data-testid="import-report">
      <Text mb="sm" role="status">
        {t('report.imported', { count: result.imported, description: result.description })}
      </Text>
      <RowLists counts={result} />
    </Alert>
  );
}
