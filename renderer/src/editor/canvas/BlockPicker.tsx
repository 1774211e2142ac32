import { Modal, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockType } from '../../mailing/mailingTypes';
import { BLOCK_ORDER, BLOCKS } from '../blocks/registry';
import { PickerOption } from './PickerOption';
import { OwnBlocksSection } from '../library/OwnBlocksSection';

/** "Inhoud toevoegen": every block type with a line on what it is for. */
export function BlockPicker(props: {
  opened: boolean;
  onClose: () => void;
  /** After the closing transition, when the dialog is out of the page. */
  onGone: () => void;
  onPick: (type: BlockType) => void;
  /** A "Mijn blok" chosen from the section below the block types. */
  onPickOwn: (id: string) => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onGone}
      title={t('picker.title')}
      size="lg"
      // Focus goes into the new block, not back to the "Klik hier…" button.
      returnFocus={false}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {BLOCK_ORDER.map((type) => (
          <PickerOption
            key={type}
            icon={BLOCKS[type].icon}
            name={t(`blocks.${type}.name`)}
            description={t(`blocks.${type}.description`)}
            onClick={() => props.onPick(type)}
          />
        ))}
      </SimpleGrid>
      <OwnBlocksSection active={props.opened} onInsert={props.onPickOwn} />
    </Modal>
  );
}
