import { ActionIcon, Alert, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/fieldErrors';
import { useChannelMutation } from '../../../data/useChannelMutation';

/** Deleting a draft asks first and names the mailing: there is no way back. */
export function DeleteMailingButton(props: { id: string; title: string }) {
  const { t } = useTranslation('mailings');
  const [open, setOpen] = useState(false);
  const deletion = useChannelMutation('mailings.delete', { invalidates: ['mailings.list'] });
  const remove = () => deletion.mutate({ id: props.id }, { onSuccess: () => setOpen(false) });
  const error = deletion.isError ? deletion.error : null;
  const busy = deletion.isPending;
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
          <Button color="red" loading={busy} onClick={remove}>
            {t('overview.deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
