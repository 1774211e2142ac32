import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';

/** Erasing cannot be undone: ask once more, with the choice to keep the address blocked. */
export function EraseDialog(props: {
  email: string;
  opened: boolean;
  onClose: () => void;
  onErased: (message: string) => void;
}) {
  const { t } = useTranslation('suppression');
  const [keepBlocked, setKeepBlocked] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const erase = async () => {
    setBusy(true);
    try {
      const result = await api.call('contacts.erase', {
        email: props.email,
        confirm: true,
        keepBlocked,
      });
      setError('');
      props.onErased(
        t('actions.erased', {
          contacts: result.contactsRemoved,
          jobs: result.sendJobsAnonymised,
          events: result.eventsAnonymised,
        }),
      );
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('actions.eraseTitle', { email: props.email })}
    >
      <Stack gap="sm">
        <Text>{t('actions.eraseBody')}</Text>
        <Checkbox
          label={t('actions.eraseKeepBlocked')}
          checked={keepBlocked}
          onChange={(e) => setKeepBlocked(e.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={() => void erase()} loading={busy}>
            {t('actions.eraseConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
