import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../components/fieldErrors';

export interface NameDialogProps {
  opened: boolean;
  title: string;
  intro?: string;
  initialName: string;
  confirmLabel: string;
  /** More fields under the name (e.g. which blocks go into "Mijn blok"). */
  children?: ReactNode;
  /** False keeps the button off (besides an empty name). */
  canConfirm?: boolean;
  /** Saves under the name; a failure is shown in the dialog, which stays open. */
  onConfirm: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/** A dialog that asks for a name ("Mijn blok", "Mijn sjabloon", a new name) and saves it. */
export function NameDialog(props: NameDialogProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {props.opened && <NameForm {...props} />}
    </Modal>
  );
}

function NameForm(props: NameDialogProps) {
  const { t } = useTranslation('library');
  const [name, setName] = useState(props.initialName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm(name);
      props.onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      {props.intro && <Text size="sm">{props.intro}</Text>}
      <TextInput
        label={t('saveBlock.name')}
        value={name}
        maxLength={80}
        data-autofocus
        onChange={(e) => setName(e.currentTarget.value)}
      />
      {props.children}
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('cancel')}
        </Button>
        <Button
          loading={busy}
          disabled={name.trim() === '' || props.canConfirm === false}
          onClick={() => void confirm()}
        >
          {props.confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
