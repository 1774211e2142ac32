import { Modal, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockType } from '../../pages/mailings/mailingTypes';
import { BLOCK_ORDER, BLOCKS } from '../blocks/registry';
import classes from './Canvas.module.css';

/** "Inhoud toevoegen": every block type with a line on what it is for. */
export function BlockPicker(props: {
  opened: boolean;
  onClose: () => void;
  onPick: (type: BlockType) => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('picker.title')}
      size="lg"
      // Focus goes into the new block, not back to the "Klik hier…" button.
      returnFocus={false}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {BLOCK_ORDER.map((type) => (
          <UnstyledButton
            key={type}
            className={classes.pickerOption}
            onClick={() => props.onPick(type)}
          >
            <Stack gap={2}>
              <Text
                fw={600}
                size="sm"
                component="span"
                style={{ display: 'flex', gap: 8, alignItems: 'center' }}
              >
                {BLOCKS[type].icon}
                {t(`blocks.${type}.name`)}
              </Text>
              <Text size="xs" c="dimmed" component="span">
                {t(`blocks.${type}.description`)}
              </Text>
            </Stack>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
