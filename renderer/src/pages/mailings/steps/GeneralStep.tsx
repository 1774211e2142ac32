import { Grid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toFieldErrors } from '../../../components/fieldErrors';
import { useDraft, useDraftSnapshot } from '../../../mailing/DraftContext';
import { isReadOnly } from '../../../mailing/mailingTypes';
import { PhoneInboxMock } from './PhoneInboxMock';
import { SenderSelect, useSenders } from './SenderSelect';
import { SubjectWarnings } from './SubjectWarnings';
import { useSubjectWarnings } from './useSubjectWarnings';

/** Step 2, Algemeen: what the inbox shows (subject, top line, sender) with advice while typing. */
export function GeneralStep() {
  const { t } = useTranslation('mailings');
  const draft = useDraft();
  const mailing = useDraftSnapshot((s) => s.mailing);
  const saveError = useDraftSnapshot((s) => s.error);
  const { senders, error: sendersError } = useSenders();
  const warnings = useSubjectWarnings(mailing.subject, mailing.topLine);
  const readOnly = isReadOnly(mailing);
  const fieldErrors = toFieldErrors(saveError, t);
  const errorFor = (field: string) =>
    fieldErrors[`patch.${field}`] ?? fieldErrors[field] ?? undefined;
  const sender = senders?.find((s) => s.id === mailing.from);
  const save = () => void draft.flush();

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md" maw={640}>
          <Title order={3} size="h4">
            {t('general.title')}
          </Title>
          <TextInput
            label={t('general.subject')}
            description={t('general.subjectHelp')}
            value={mailing.subject}
            maxLength={200}
            required
            readOnly={readOnly}
            error={errorFor('subject')}
            onChange={(e) => draft.setFields({ subject: e.currentTarget.value })}
            onBlur={save}
          />
          <SubjectWarnings
            warnings={warnings.filter((w) => w.field === 'subject')}
            testId="subject-warnings"
          />
          <Textarea
            label={t('general.topLine')}
            description={
              // The checklist asks a voucher's top line (it tells what the voucher is worth).
              mailing.type === 'voucher'
                ? t('general.topLineHelpVoucher')
                : t('general.topLineHelp')
            }
            value={mailing.topLine}
            maxLength={300}
            required={mailing.type === 'voucher'}
            autosize
            minRows={2}
            readOnly={readOnly}
            error={errorFor('topLine')}
            onChange={(e) => draft.setFields({ topLine: e.currentTarget.value })}
            onBlur={save}
          />
          <SubjectWarnings
            warnings={warnings.filter((w) => w.field === 'topLine')}
            testId="topline-warnings"
          />
          <SenderSelect
            senders={senders}
            loadError={sendersError}
            value={mailing.from}
            disabled={readOnly}
            onChange={(chosen) => {
              if (!chosen) return;
              draft.setFields({
                from: chosen.id,
                ...(mailing.replyTo === '' && chosen.replyTo ? { replyTo: chosen.replyTo } : {}),
              });
            }}
          />
          <TextInput
            label={t('general.replyTo')}
            description={t('general.replyToHelp')}
            type="email"
            value={mailing.replyTo}
            readOnly={readOnly}
            error={errorFor('replyTo')}
            onChange={(e) => draft.setFields({ replyTo: e.currentTarget.value })}
            onBlur={save}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <PhoneInboxMock
          sender={sender?.name ?? ''}
          subject={mailing.subject}
          topLine={mailing.topLine}
        />
      </Grid.Col>
    </Grid>
  );
}
