import { Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BrandLook } from './useBrandLook';

/** "Voor gebruikers van …" with the partner's logo, at the foot of the navigation. */
export function PartnerLine({ partner }: { partner: NonNullable<BrandLook['partner']> }) {
  const { t } = useTranslation('branding');
  return (
    <Stack gap={4} px="sm" py="xs" align="flex-start" data-testid="partner-line">
      <Text size="xs" c="dimmed">
        {t('partnerFor')}
      </Text>
      {partner.logo ? (
        <Image
          src={partner.logo}
          alt={t('partnerLogoAlt', { name: partner.name })}
          maw={180}
          h={48}
          w="auto"
          fit="contain"
        />
      ) : (
        <Text fw={600}>{partner.name}</Text>
      )}
    </Stack>
  );
}
