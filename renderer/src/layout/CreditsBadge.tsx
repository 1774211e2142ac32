import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '../router';

export function CreditsBadge({ balance }: { balance: number | null }) {
  const { t } = useTranslation();
  if (balance === null) return null;
  return (
    <Anchor href={href('/credits')} underline="never" c="inherit">
      <Text fw={600} data-testid="credits-header">
        {t('header.credits', { count: balance })}
      </Text>
    </Anchor>
  );
}
