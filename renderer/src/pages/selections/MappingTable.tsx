import { Badge, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { STANDARD_VARIABLES } from '../../../../electron/contract/plain/variables';

type Analysis = ChannelOutput<'selections.analyze'>;
type Target = Analysis['columns'][number]['target'];

/** The choices in the order the shop reads them: e-mail first, then the standard variables. */
const TARGETS: Target[] = [
  'email',
  ...STANDARD_VARIABLES.filter((name) => name !== 'email'),
  'extra',
  'ignore',
];

/** One line per column of the file: its header, an example value, and what to use it as. */
export function MappingTable(props: {
  analysis: Analysis;
  targets: Target[];
  onChange: (index: number, target: Target) => void;
}) {
  const { t } = useTranslation('selections');
  return (
    <Table withTableBorder data-testid="mapping-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('import.header')}</Table.Th>
          <Table.Th>{t('import.example')}</Table.Th>
          <Table.Th>{t('import.target')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.analysis.columns.map((column) => (
          <Table.Tr key={column.index}>
            <Table.Td>
              {column.header || '—'}{' '}
              {column.specialCategory && (
                <Badge color="orange" variant="light">
                  {t('import.special')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{props.analysis.sampleRows[0]?.[column.index] ?? ''}</Table.Td>
            <Table.Td>
              <Select
                aria-label={`${t('import.target')}: ${column.header}`}
                allowDeselect={false}
                value={props.targets[column.index] ?? 'ignore'}
                data={TARGETS.map((target) => ({
                  value: target,
                  label: t(`targets.${target}`, { variable: column.variable }),
                }))}
                onChange={(value) => value && props.onChange(column.index, value as Target)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
