import { ActionIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { NameDialog } from '../../../library/NameDialog';
import { useInvalidate } from '../../../data/useInvalidate';

/** "Bewaar als Mijn sjabloon" for one mailing of the overview: asks for a name, then keeps a copy. */
export function SaveTemplateButton(props: { id: string; title: string }) {
  const { t } = useTranslation('library');
  const invalidate = useInvalidate();
  const [open, setOpen] = useState(false);
  const save = async (name: string) => {
    const item = await api.call('library.saveTemplate', { mailingId: props.id, name });
    notifications.show({ color: 'green', message: t('templates.saved', { name: item.name }) });
    // Mijn sjablonen grows.
    await invalidate('library.list');
  };
  return (
    <>
      <Tooltip label={t('templates.saveTooltip')}>
        <ActionIcon
          variant="subtle"
          aria-label={t('templates.saveAction', { name: props.title })}
          onClick={() => setOpen(true)}
        >
          <IconTemplate size={18} />
        </ActionIcon>
      </Tooltip>
      <NameDialog
        opened={open}
        title={t('templates.saveTitle')}
        intro={t('templates.saveIntro')}
        initialName={props.title}
        confirmLabel={t('saveBlock.confirm')}
        onConfirm={save}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
