import { Anchor, Group, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { readableTextShade, brandPalette } from '../themePalette';

/** Logo and product name at the top left; both lead home. */
export function BrandMark({
  productName,
  logo,
  primaryColor,
}: {
  productName: string;
  logo: string | null;
  primaryColor: string | null;
}) {
  const { t } = useTranslation('branding');
  // A light brand colour would make a pale title: take the first shade that reads on white.
  const shade = primaryColor ? readableTextShade(brandPalette(primaryColor)) : 8;
  return (
    <Anchor href={href('/')} underline="never" data-testid="brand-mark">
      <Group gap="sm" wrap="nowrap">
        {logo && <Image src={logo} alt={t('logoAlt', { name: productName })} h={36} w="auto" />}
        {/* Not a heading: each page's own title is its one <h1>. */}
        <Text component="span" fz="h3" fw={700} c={`brand.${shade}`} data-testid="brand-name">
          {productName}
        </Text>
      </Group>
    </Anchor>
  );
}
