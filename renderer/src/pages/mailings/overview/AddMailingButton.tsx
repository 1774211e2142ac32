import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { errorText } from '../../../components/fieldErrors';
import { navigate } from '../../../router';
import type { MailingType } from '../../../mailing/mailingTypes';

/** "Voeg een mailing toe": a blank mailing, after choosing newsletter or voucher on purpose. */
export function AddMailingButton() {
  const { t } = useTranslation('mailings');
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<MailingType | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setOpen(false);
    setType(null);
    setError(null);
  };
  const create = async () => {
    if (!type) return;
    setBusy(true);
    try {
      const mailing = await api.call('mailings.create', { type });
      navigate(`/mailings/${mailing.id}/algemeen`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button leftSection={<IconPlus size={18} />} variant="light" onClick={() => setOpen(true)}>
        {t('overview.add')}
      </Button>
      <Modal opened={open} onClose={close} title={t('overview.add')}>
        <Stack>
          <Text size="sm">{t('overview.addIntro')}</Text>
          <Radio.Group
            label={t('overview.addType')}
            value={type}
            onChange={(value) => setType(value as MailingType)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="newsletter" label={t('types.newsletter')} />
              <Radio value="voucher" label={t('types.voucher')} />
            </Stack>
          </Radio.Group>
          {error !== null && (
            <Alert color="red" role="alert">
              {errorText(error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void create()} disabled={!type} loading={busy}>
              {t('overview.addConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
