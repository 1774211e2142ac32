import { ActionIcon, Alert, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { errorText } from '../components/fieldErrors';
import { useInvalidate } from '../data/useInvalidate';
import { NameDialog } from './NameDialog';
import type { LibraryItem } from './useLibrary';

/**
 * Rename and delete for one "Mijn blok" or "Mijn sjabloon"; deleting asks first. The lists that
 * show it (library.list) are fetched again afterwards; `onChanged` is for anything else to redo.
 */
export function LibraryItemActions(props: { item: LibraryItem; onChanged?: () => void }) {
  const { t } = useTranslation('library');
  const invalidate = useInvalidate();
  const changed = async () => {
    await invalidate('library.list');
    props.onChanged?.();
  };
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { item } = props;
  const remove = async () => {
    setBusy(true);
    try {
      await api.call('library.delete', { id: item.id });
      setDialog(null);
      await changed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Tooltip label={t('rename.title')}>
        <ActionIcon
          variant="subtle"
          aria-label={t('picker.rename', { name: item.name })}
          onClick={() => setDialog('rename')}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('templates.deleteConfirm')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('picker.delete', { name: item.name })}
          onClick={() => {
            setError(null);
            setDialog('delete');
          }}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
      <NameDialog
        opened={dialog === 'rename'}
        title={t('rename.title')}
        initialName={item.name}
        confirmLabel={t('rename.confirm')}
        onConfirm={async (name) => {
          await api.call('library.rename', { id: item.id, name });
          await changed();
        }}
        onClose={() => setDialog(null)}
      />
      <Modal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={item.kind === 'template' ? t('templates.deleteTitle') : t('picker.deleteTitle')}
      >
        <Text mb="md">
          {item.kind === 'template'
            ? t('templates.deleteBody', { name: item.name })
            : t('picker.deleteBody', { name: item.name })}
        </Text>
        {error !== null && (
          <Alert color="red" role="alert" mb="md">
            {errorText(error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDialog(null)}>
            {t('cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            {t('templates.deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
