import { SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from './SectionCard';
import type { Settings } from './SettingsContext';
import { useSectionSave } from './useSectionSave';

type Shop = Settings['shop'];
const FIELDS: (keyof Shop)[] = [
  'name',
  'address',
  'postalCode',
  'city',
  'phone',
  'website',
  'email',
];

/** The shop's details, printed in every mail's footer (who sends this and how to reach them). */
export function ShopSection({ initial }: { initial: Shop }) {
  const { t } = useTranslation('settings');
  const [shop, setShop] = useState<Shop>(initial);
  const { state, errors, message, run } = useSectionSave();
  return (
    <SectionCard
      testId="section-shop"
      title={t('shop.title')}
      description={t('shop.description')}
      state={state}
      message={message}
      onSubmit={() => void run({ shop })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`shop.${field}`)}
            value={shop[field]}
            error={errors[`shop.${field}`]}
            onChange={(event) => setShop({ ...shop, [field]: event.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
    </SectionCard>
  );
}
