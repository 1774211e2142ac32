import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../a11y/PageTitle';
import { errorText } from '../../../components/fieldErrors';
import { href, navigate } from '../../../router';
import { isReadOnly, mailingTitle } from '../../../mailing/mailingTypes';
import { useMailingDraft } from '../../../mailing/useMailingDraft';
import { DraftContext, useDraftSnapshot } from '../../../mailing/DraftContext';
import { SaveStatus } from './SaveStatus';
import { STEP_KEYS, stepComponents, type StepKey } from './steps';
import { useFlushOnLeave } from '../../../mailing/useFlushOnLeave';
import { useCopyMailing } from '../useCopyMailing';

function isStep(value: string | undefined): value is StepKey {
  return (STEP_KEYS as readonly string[]).includes(value ?? '');
}

/** #/mailings/<id>/<step>: the six steps as tabs over one draft that saves itself. */
export function MailingFlowPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('mailings');
  const id = params.id ?? '';
  const step: StepKey = isStep(params.step) ? params.step : 'inhoud';
  const { draft, loadError } = useMailingDraft(id);

  useFlushOnLeave(draft);
  // Changing tabs saves first, so the next step (preview, test) sees the latest version (a write,
  // not a read: nothing for Query).
  useEffect(() => {
    if (draft) void draft.flush();
  }, [draft, step]);

  if (loadError) {
    return (
      <Alert color="red" role="alert" maw={640}>
        {errorText(loadError, t)}{' '}
        <Anchor href={href('/mailings')}>{t('flow.backToOverview')}</Anchor>
      </Alert>
    );
  }
  if (!draft) return <Loader aria-label={t('common:loading')} />;
  const Step = stepComponents[step];
  return (
    <DraftContext.Provider value={draft}>
      <Stack gap="md">
        <FlowHeader step={step} />
        <Tabs
          value={step}
          onChange={(value) => isStep(value ?? '') && navigate(`/mailings/${id}/${value}`)}
        >
          <Tabs.List>
            {STEP_KEYS.map((key, index) => (
              <Tabs.Tab key={key} value={key}>
                {t('flow.stepLabel', { number: index + 1, name: t(`flow.steps.${key}`) })}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Step mailingId={id} />
      </Stack>
    </DraftContext.Provider>
  );
}

function FlowHeader({ step }: { step: StepKey }) {
  const { t } = useTranslation('mailings');
  const mailing = useDraftSnapshot((s) => s.mailing);
  const readOnly = isReadOnly(mailing);
  const title = mailingTitle(mailing, t);
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Anchor href={href(readOnly ? '/archief' : '/mailings')} size="sm">
          {readOnly ? t('flow.backToArchive') : t('flow.backToOverview')}
        </Anchor>
        <Group gap="sm">
          <PageTitle documentTitle={[t(`flow.steps.${step}`), title]}>{title}</PageTitle>
          <Badge variant="light">{t(`types.${mailing.type}`)}</Badge>
          {readOnly && <Badge color="gray">{t(`status.${mailing.status}`)}</Badge>}
        </Group>
        {readOnly && (
          <Text size="sm" c="dimmed">
            {t('flow.readOnly')}
          </Text>
        )}
        {mailing.templateKey && <TemplateNotice />}
      </div>
      {!readOnly && <SaveStatus />}
    </Group>
  );
}

/**
 * A BASIS or own template opened by its name: what is changed here is in every later copy, and a
 * template is never sent. The way to a mailing of its own is one click away.
 */
function TemplateNotice() {
  const { t } = useTranslation('mailings');
  const mailing = useDraftSnapshot((s) => s.mailing);
  const { copy, copyingId } = useCopyMailing();
  return (
    <Alert color="yellow" mt="xs" data-testid="template-notice" maw={720}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('flow.template')}</Text>
        <Button size="xs" loading={copyingId === mailing.id} onClick={() => void copy(mailing)}>
          {t('flow.templateCopy')}
        </Button>
      </Stack>
    </Alert>
  );
}
