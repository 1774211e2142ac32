import { NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Which sheet of a workbook was read; with several sheets the shop picks another (the preview and
 * the mapping are made again for it).
 */
export function SheetPicker(props: {
  sheets: string[];
  sheet: string | null;
  disabled: boolean;
  onChange: (sheet: string) => void;
}) {
  const { t } = useTranslation('selections');
  if (props.sheet === null) return null;
  if (props.sheets.length < 2)
    return (
      <Text size="sm" c="dimmed" data-testid="sheet-read">
        {t('import.sheetRead', { sheet: props.sheet })}
      </Text>
    );
  return (
    <NativeSelect
      label={t('import.sheet')}
      data-testid="sheet-picker"
      data={props.sheets}
      value={props.sheet}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
