import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionFrame } from './SectionFrame';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** One card of the account page with its own form and "Opslaan" button. */
export function SectionCard(props: {
  title: string;
  description?: string;
  state: SaveState;
  message?: string;
  onSubmit: () => void;
  children: ReactNode;
  testId: string;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation('settings');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <SectionFrame title={props.title} description={props.description} testId={props.testId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {props.children}
          {props.state === 'error' && props.message && (
            <Alert color="red" role="alert">
              {props.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={props.state === 'saving'}>
              {t('save')}
            </Button>
            {props.extraActions}
            {props.state === 'saved' && (
              <Text size="sm" c="green.8" role="status">
                {t('saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </SectionFrame>
  );
}
