import { Group, Stack, Text } from '@mantine/core';
import { IconBookmark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LibraryItemActions } from '../../library/LibraryItemActions';
import { useLibrary } from '../../library/useLibrary';
import { PickerOption } from '../canvas/PickerOption';

/** "Mijn blokken" in the add-block menu: insert one, rename or delete it. */
export function OwnBlocksSection(props: { active: boolean; onInsert: (id: string) => void }) {
  const { t } = useTranslation(['library', 'editor']);
  const { items, reload } = useLibrary('block', props.active);
  return (
    <Stack gap="xs" mt="lg" data-testid="own-blocks">
      <Text fw={600} size="sm" component="h3" m={0}>
        {t('picker.title')}
      </Text>
      {items !== null && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('picker.empty')}
        </Text>
      )}
      {items?.map((item) => (
        <Group key={item.id} gap={4} wrap="nowrap" align="stretch">
          <PickerOption
            icon={<IconBookmark size={20} aria-hidden />}
            name={item.name}
            description={item.blockTypes.map((type) => t(`editor:blocks.${type}.name`)).join(', ')}
            onClick={() => props.onInsert(item.id)}
          />
          <Stack gap={2} justify="center">
            <LibraryItemActions item={item} onChanged={reload} />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
