import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The last question before anything that costs credits or money: it names what happens, to how
 * many, when, and what it costs. Cancel (or Escape, or closing) does nothing at all.
 */
export function ConfirmCostDialog(props: {
  opened: boolean;
  title: string;
  question: ReactNode;
  details?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} centered>
      <Stack gap="md" data-testid={props.testId}>
        <Text fw={500}>{props.question}</Text>
        {props.details}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={props.busy}>
            {t('confirm.cancel')}
          </Button>
          <Button onClick={props.onConfirm} loading={props.busy} data-autofocus>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
