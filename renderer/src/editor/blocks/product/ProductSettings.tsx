import { Divider, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockData } from '../../../mailing/mailingTypes';
import { ImageField, LinkField, TextField } from '../../settings/fields';
import { useMailLanguageT } from '../../useMailLanguageT';
import { newProduct } from '../newBlockData';
import type { BlockSettingsProps } from '../types';

type Product = BlockData<'product'>['products'][number];

export function ProductSettings({ block, onChange }: BlockSettingsProps<'product'>) {
  const { t } = useTranslation('editor');
  const mailT = useMailLanguageT();
  const count = block.data.products.length;
  const setCount = (next: number) =>
    onChange((current) => ({
      products: Array.from({ length: next }, (_, i) => current.products[i] ?? newProduct(mailT)),
    }));
  const set = (index: number, patch: Partial<Product>) =>
    onChange((current) => ({
      products: current.products.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    }));
  return (
    <Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="product-count-label">
          {t('settings.productCount')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="product-count-label"
          value={String(count)}
          onChange={(v) => setCount(Number(v))}
          data={['1', '2', '3']}
        />
      </Stack>
      {block.data.products.map((product, index) => (
        <Stack key={index} gap="xs">
          <Divider
            label={
              <Text size="sm" fw={600}>
                {t('settings.product', { number: index + 1 })}
              </Text>
            }
            labelPosition="left"
          />
          <ProductFields product={product} onChange={(patch) => set(index, patch)} />
        </Stack>
      ))}
    </Stack>
  );
}

function ProductFields(props: { product: Product; onChange: (patch: Partial<Product>) => void }) {
  const { t, i18n } = useTranslation('editor');
  const { product, onChange } = props;
  const decimal = i18n.language.startsWith('nl') ? ',' : '.';
  const priceInput = (label: string, value: number | null, field: 'price' | 'oldPrice') => (
    <NumberInput
      label={label}
      description={field === 'oldPrice' ? t('settings.oldPriceHelp') : undefined}
      prefix="€ "
      decimalSeparator={decimal}
      decimalScale={2}
      fixedDecimalScale
      min={0}
      max={1_000_000}
      clampBehavior="strict"
      value={value ?? ''}
      onChange={(v) => onChange({ [field]: priceValue(v) })}
    />
  );
  return (
    <>
      <TextField
        label={t('settings.productName')}
        value={product.name}
        maxLength={200}
        onChange={(name) => onChange({ name })}
      />
      {priceInput(t('settings.price'), product.price, 'price')}
      {priceInput(t('settings.oldPrice'), product.oldPrice, 'oldPrice')}
      <TextField
        label={t('settings.productText')}
        value={product.text}
        maxLength={1000}
        multiline
        onChange={(text) => onChange({ text })}
      />
      <ImageField imageId={product.imageId} onChange={(imageId) => onChange({ imageId })} />
      <TextField
        label={t('settings.alt')}
        description={t('settings.altHelp')}
        value={product.alt}
        maxLength={300}
        onChange={(alt) => onChange({ alt })}
      />
      <LinkField
        label={t('settings.productLink')}
        value={product.url}
        onChange={(url) => onChange({ url })}
      />
      <TextField
        label={t('settings.productButton')}
        value={product.buttonLabel}
        maxLength={100}
        onChange={(buttonLabel) => onChange({ buttonLabel })}
      />
    </>
  );
}

/** Mantine gives a number, or a string while the value is not one it parsed ("119.00", ""). */
function priceValue(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const parsed = Number(value.replace(/[^\d,.-]/g, '').replace(',', '.'));
  return value.trim() === '' || !Number.isFinite(parsed) ? null : parsed;
}
