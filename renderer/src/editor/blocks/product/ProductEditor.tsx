import { Box, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../format';
import type { BlockData } from '../../../mailing/mailingTypes';
import { useEditorEnvironment } from '../../EditorEnvironment';
import { useMailLanguage } from '../../useMailLanguageT';
import { ImageSlot } from '../ImageSlot';
import type { BlockEditorProps } from '../types';

type Product = BlockData<'product'>['products'][number];

/** The products side by side as in the mail; the name is typed in place, the rest in the panel. */
export function ProductEditor({ block, readOnly, onChange }: BlockEditorProps<'product'>) {
  const setProduct = (index: number, patch: Partial<Product>) =>
    onChange((current) => ({
      products: current.products.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    }));
  return (
    <Group align="flex-start" wrap="nowrap" gap="md" px="sm">
      {block.data.products.map((product, index) => (
        <ProductCard
          key={index}
          index={index}
          product={product}
          readOnly={readOnly}
          onChange={(patch) => setProduct(index, patch)}
        />
      ))}
    </Group>
  );
}

function ProductCard(props: {
  index: number;
  product: Product;
  readOnly: boolean;
  onChange: (patch: Partial<Product>) => void;
}) {
  const { t } = useTranslation('editor');
  const { settings } = useEditorEnvironment();
  const language = useMailLanguage();
  const { product } = props;
  const price = (euros: number) => formatEuro(Math.round(euros * 100), language);
  return (
    <Stack gap={4} align="center" style={{ flex: 1, minWidth: 0 }} data-testid="product-card">
      <ImageSlot
        imageId={product.imageId}
        alt={product.alt}
        readOnly={props.readOnly}
        onChosen={(imageId) => props.onChange({ imageId })}
      />
      <TextInput
        variant="unstyled"
        aria-label={t('blocks.product.nameField', { number: props.index + 1 })}
        value={product.name}
        maxLength={200}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange({ name: e.currentTarget.value })}
        styles={{
          input: {
            fontWeight: 700,
            fontSize: 17,
            textAlign: 'center',
            color: settings.colors.heading,
            fontFamily: 'inherit',
          },
        }}
      />
      <Text size="md" data-testid="product-price">
        {product.oldPrice !== null && (
          <Text span c="dimmed" td="line-through" mr={6} inherit>
            {price(product.oldPrice)}
          </Text>
        )}
        {product.price === null ? (
          <Text span c="dimmed" inherit>
            {t('blocks.product.noPrice')}
          </Text>
        ) : (
          <Text span fw={700} inherit>
            {price(product.price)}
          </Text>
        )}
      </Text>
      {product.text.trim() !== '' && (
        <Text size="sm" ta="center">
          {product.text}
        </Text>
      )}
      {product.url !== '' && product.buttonLabel !== '' && (
        <Box
          px="md"
          py={6}
          style={{ background: settings.colors.accent, color: '#ffffff', borderRadius: 4 }}
        >
          <Text fw={700} size="sm" inherit>
            {product.buttonLabel}
          </Text>
        </Box>
      )}
    </Stack>
  );
}
