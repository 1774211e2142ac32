import { useTranslation } from 'react-i18next';
import { NumberField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function SpacerSettings({ block, onChange }: BlockSettingsProps<'spacer'>) {
  const { t } = useTranslation('editor');
  return (
    <NumberField
      label={t('settings.height')}
      value={block.data.height}
      min={4}
      max={200}
      suffix=" px"
      onChange={(height) => onChange({ height })}
    />
  );
}
