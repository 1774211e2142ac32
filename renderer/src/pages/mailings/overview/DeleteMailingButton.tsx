import { ActionIcon, Alert, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { errorText } from '../../../components/fieldErrors';

/** Deleting a draft asks first and names the mailing: there is no way back. */
export function DeleteMailingButton(props: { id: string; title: string; onDeleted: () => void }) {
  const { t } = useTranslation('mailings');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    setBusy(true);
    try {
      await api.call('mailings.delete', { id: props.id });
      setOpen(false);
      props.onDeleted();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Tooltip label={t('overview.delete')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('overview.deleteNamed', { name: props.title })}
          onClick={() => setOpen(true)}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('overview.deleteTitle')}>
        <Text mb="md">{t('overview.deleteBody', { name: props.title })}</Text>
        {error !== null && (
          <Alert color="red" role="alert" mb="md">
            {errorText(error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            {t('overview.deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
