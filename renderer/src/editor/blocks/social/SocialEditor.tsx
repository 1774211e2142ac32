import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockEditorProps } from '../types';

const JUSTIFY = { left: 'flex-start', center: 'center', right: 'flex-end' } as const;

export function SocialEditor({ block }: BlockEditorProps<'social'>) {
  const { t } = useTranslation('editor');
  if (block.data.items.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center">
        {t('blocks.social.empty')}
      </Text>
    );
  }
  return (
    <Group justify={JUSTIFY[block.data.align]} gap="xs">
      {block.data.items.map((item, index) => (
        <Badge key={`${item.network}-${index}`} variant="outline" tt="none">
          {t(`networks.${item.network}`)}
        </Badge>
      ))}
    </Group>
  );
}
