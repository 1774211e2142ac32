import { ActionIcon, Group, Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../../electron/contract';
import { useFormat } from '../../../../format';
import {
  BEHAVIOUR,
  OPERATORS,
  newCondition,
  toCondition,
  type ConditionKind,
  type DraftCondition,
} from './segmentDraft';

type Options = ChannelOutput<'mailings.segment'>;

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** One condition: column (with its type), how to compare, and the value(s). */
export function ConditionRow({
  condition,
  position,
  options,
  onChange,
  onRemove,
}: {
  condition: DraftCondition;
  position: number;
  options: Options;
  onChange: (next: DraftCondition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('segments');
  const format = useFormat();
  const label = (what: string) => t('editor.fieldOf', { field: t(`editor.${what}`), position });
  const columnData = [
    ...options.columns.map((c) => ({
      value: c.name,
      label: `${c.name} (${t(`types.${c.type}`)})`,
    })),
    { value: BEHAVIOUR, label: t('editor.behaviourColumn') },
  ];
  // A saved segment may name a column these selections lack: show it rather than a blank.
  if (!columnData.some((c) => c.value === condition.column))
    columnData.unshift({
      value: condition.column,
      label: t('editor.missingColumn', { name: condition.column }),
    });
  const chooseColumn = (column: string | null) => {
    if (!column || column === condition.column) return;
    const kind: ConditionKind =
      column === BEHAVIOUR
        ? 'behaviour'
        : (options.columns.find((c) => c.name === column)?.type ?? 'text');
    onChange({ ...newCondition(column, kind), key: condition.key });
  };
  const set = (patch: Partial<DraftCondition>) => onChange({ ...condition, ...patch });
  const needsValue = !(
    condition.kind === 'text' &&
    (condition.op === 'empty' || condition.op === 'notEmpty')
  );
  const incomplete = toCondition(condition) === null;

  return (
    <div data-testid="segment-condition">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={label('column')}
          data={columnData}
          value={condition.column}
          onChange={chooseColumn}
          allowDeselect={false}
          searchable
          w={240}
        />
        <Select
          label={label('operator')}
          data={OPERATORS[condition.kind].map((op) => ({ value: op, label: t(`operators.${op}`) }))}
          value={condition.op}
          onChange={(op) =>
            op && set({ op, value: condition.kind === 'date' ? '' : condition.value })
          }
          allowDeselect={false}
          w={200}
        />
        {condition.kind === 'behaviour' && (
          <Select
            label={label('mailing')}
            data={options.sentMailings.map((m) => ({
              value: m.id,
              label: `${m.subject || t('editor.noSubject')} (${format.date(m.sentAt)})`,
            }))}
            value={condition.value || null}
            onChange={(value) => set({ value: value ?? '' })}
            placeholder={t('editor.chooseMailing')}
            nothingFoundMessage={t('editor.noSentMailings')}
            w={300}
          />
        )}
        {condition.kind === 'date' && condition.op === 'inMonth' && (
          <Select
            label={label('month')}
            data={MONTHS.map((m) => ({
              value: String(m),
              label: format.monthName(m),
            }))}
            value={condition.value || null}
            onChange={(value) => set({ value: value ?? '' })}
            placeholder={t('editor.chooseMonth')}
            w={160}
          />
        )}
        {condition.kind !== 'behaviour' &&
          needsValue &&
          !(condition.kind === 'date' && condition.op === 'inMonth') && (
            <TextInput
              label={label(condition.kind === 'date' ? 'date' : 'value')}
              placeholder={condition.kind === 'date' ? t('editor.datePlaceholder') : undefined}
              value={condition.value}
              onChange={(e) => set({ value: e.currentTarget.value })}
              w={160}
            />
          )}
        {condition.kind === 'number' && condition.op === 'between' && (
          <TextInput
            label={label('to')}
            value={condition.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            w={120}
          />
        )}
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          onClick={onRemove}
          aria-label={t('editor.remove', { position })}
        >
          ×
        </ActionIcon>
      </Group>
      {incomplete && (
        <Text size="sm" c="dimmed" mt={4}>
          {t(`editor.incomplete.${condition.kind}`)}
        </Text>
      )}
    </div>
  );
}
