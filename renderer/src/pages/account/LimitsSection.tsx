import { NumberInput, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from './SectionCard';
import type { Settings } from './SettingsContext';
import { useSectionSave } from './useSectionSave';

type Limits = Settings['limits'];
type Draft = Record<keyof Limits, number | string>;
const FIELDS: (keyof Limits)[] = ['perSecond', 'perHour', 'fairUseHours'];

/** How fast the queue may send (the provider's limits) and the fair-use pause between mailings. */
export function LimitsSection({ initial }: { initial: Limits }) {
  const { t } = useTranslation('settings');
  const [limits, setLimits] = useState<Draft>(initial);
  const { state, errors, message, run } = useSectionSave();
  const submit = () => {
    const asNumber = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);
    void run({
      limits: {
        perSecond: asNumber(limits.perSecond),
        perHour: asNumber(limits.perHour),
        fairUseHours: asNumber(limits.fairUseHours),
      },
    });
  };
  return (
    <SectionCard
      testId="section-limits"
      title={t('limits.title')}
      description={t('limits.description')}
      state={state}
      message={message}
      onSubmit={submit}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {FIELDS.map((field) => (
          <NumberInput
            key={field}
            label={t(`limits.${field}`)}
            description={t(`limits.${field}Help`)}
            value={limits[field]}
            error={errors[`limits.${field}`]}
            allowDecimal={false}
            allowNegative={false}
            onChange={(value) => setLimits({ ...limits, [field]: value })}
          />
        ))}
      </SimpleGrid>
    </SectionCard>
  );
}
