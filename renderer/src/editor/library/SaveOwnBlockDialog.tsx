import { Checkbox, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { NameDialog } from '../../library/NameDialog';
import type { Block } from '../../mailing/mailingTypes';

/**
 * "Bewaar als Mijn blok": a name and which blocks go in (the one it was opened from is ticked;
 * tick more to keep a group together). The draft is saved first, so what is kept is what shows.
 */
export function SaveOwnBlockDialog(props: {
  mailingId: string;
  blocks: Block[];
  /** The block the dialog was opened from; null when closed. */
  fromId: string | null;
  beforeSave: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation(['library', 'editor']);
  const [chosen, setChosen] = useState<{ from: string | null; ids: string[] }>({
    from: null,
    ids: [],
  });
  // A fresh choice for each block the dialog is opened from.
  const ids = chosen.from === props.fromId ? chosen.ids : props.fromId ? [props.fromId] : [];
  const save = async (name: string) => {
    await props.beforeSave();
    const item = await api.call('library.saveBlocks', {
      mailingId: props.mailingId,
      blockIds: props.blocks.filter((b) => ids.includes(b.id)).map((b) => b.id),
      name,
    });
    notifications.show({ color: 'green', message: t('saveBlock.saved', { name: item.name }) });
  };
  return (
    <NameDialog
      opened={props.fromId !== null}
      title={t('saveBlock.title')}
      intro={t('saveBlock.intro')}
      initialName=""
      confirmLabel={t('saveBlock.confirm')}
      canConfirm={ids.length > 0}
      onConfirm={save}
      onClose={props.onClose}
    >
      <Checkbox.Group
        label={t('saveBlock.blocks')}
        value={ids}
        onChange={(next) => setChosen({ from: props.fromId, ids: next })}
      >
        <Stack gap={6} mt="xs">
          {props.blocks.map((block, index) => (
            <Checkbox
              key={block.id}
              value={block.id}
              label={t('saveBlock.blockLabel', {
                number: index + 1,
                name: t(`editor:blocks.${block.type}.name`),
              })}
            />
          ))}
        </Stack>
      </Checkbox.Group>
    </NameDialog>
  );
}
