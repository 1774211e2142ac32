import { ActionIcon, Button, Group, NativeSelect, Stack } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SOCIAL_NETWORKS } from '../../../../../electron/contract/plain/socialNetworks';
import type { BlockData } from '../../../mailing/mailingTypes';
import { AlignField, LinkField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

type Item = BlockData<'social'>['items'][number];

export function SocialSettings({ block, onChange }: BlockSettingsProps<'social'>) {
  const { t } = useTranslation('editor');
  const items = block.data.items;
  const setItem = (index: number, patch: Partial<Item>) =>
    onChange({ items: items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  return (
    <Stack>
      {items.map((item, index) => (
        <Group key={index} align="flex-end" wrap="nowrap" gap="xs">
          <NativeSelect
            label={t('settings.network')}
            value={item.network}
            data={SOCIAL_NETWORKS.map((n) => ({ value: n, label: t(`networks.${n}`) }))}
            onChange={(e) => setItem(index, { network: e.currentTarget.value as Item['network'] })}
          />
          <LinkField
            label={t('settings.profileLink')}
            value={item.url}
            onChange={(url) => setItem(index, { url })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('settings.removeNetwork')}
            onClick={() => onChange({ items: items.filter((_, i) => i !== index) })}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {items.length < 10 && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange({ items: [...items, { network: 'facebook', url: '' }] })}
        >
          {t('settings.addNetwork')}
        </Button>
      )}
      <AlignField value={block.data.align} onChange={(align) => onChange({ align })} />
    </Stack>
  );
}
