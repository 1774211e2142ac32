import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useChannelQuery } from '../../data/useChannelQuery';
import { errorText, toFieldErrors, type FieldErrors } from '../../components/fieldErrors';
import { mailingTitle, type MailingSummary } from '../../mailing/mailingTypes';
import type { Automation, AutomationKind, AutomationSettings } from './automationTypes';

const DEFAULTS: AutomationSettings = {
  folderPattern: 'waardebon*',
  windowStart: '09:00',
  windowEnd: '20:00',
  days: [1, 2, 3, 4, 5],
  maxRecipients: 500,
  maxCredits: 1000,
  runAt: '09:00',
};
const WEEK = [1, 2, 3, 4, 5, 6, 7];

/** Make or change an automatic voucher: which mailing, which files, when, and how much at most. */
export function AutomationForm(props: {
  kind: AutomationKind;
  automation: Automation | null;
  onClose: () => void;
  onSaved: (saved: Automation) => void;
}) {
  const { t } = useTranslation('automations');
  const { t: tm } = useTranslation('mailings');
  const [name, setName] = useState(props.automation?.name ?? t(`${props.kind}.defaultName`));
  const [mailingId, setMailingId] = useState<string | null>(props.automation?.mailingId ?? null);
  const [settings, setSettings] = useState<AutomationSettings>(
    props.automation?.settings ?? DEFAULTS,
  );
  const openMailings = useChannelQuery('mailings.list', { status: 'open' });
  // Unreadable: an empty choice (the form still shows and says there is nothing to pick).
  const mailings: MailingSummary[] | null = openMailings.isError
    ? []
    : (openMailings.data?.filter(
        (m) => !m.templateKey && (props.kind === 'birthday' || m.type === 'voucher'),
      ) ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof AutomationSettings>(key: K, value: AutomationSettings[K]) =>
    setSettings((current) => ({ ...current, [key]: value }));

  const save = async () => {
    setBusy(true);
    setErrors({});
    setFormError('');
    try {
      const saved = await api.call('automations.save', {
        ...(props.automation ? { id: props.automation.id } : {}),
        kind: props.kind,
        name,
        mailingId: mailingId ?? '',
        settings,
      });
      props.onSaved(saved);
    } catch (caught) {
      const fields = toFieldErrors(caught, t);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const options = (mailings ?? []).map((m) => ({ value: m.id, label: mailingTitle(m, tm) }));
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(props.automation ? `${props.kind}.titleEdit` : `${props.kind}.new`)}
      size="lg"
    >
      <Stack gap="md" data-testid="automation-form">
        <TextInput
          label={t('form.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
        />
        {mailings?.length === 0 ? (
          <Alert color="yellow">{t(`${props.kind}.noMailings`)}</Alert>
        ) : (
          <Select
            label={t(`${props.kind}.mailing`)}
            description={t('form.mailingHint')}
            data={options}
            value={mailingId}
            onChange={setMailingId}
            error={errors.mailingId}
            required
            allowDeselect={false}
          />
        )}
        {props.kind === 'tillVoucher' ? (
          <>
            <TextInput
              label={t('form.pattern')}
              description={t('form.patternHint')}
              value={settings.folderPattern}
              onChange={(e) => set('folderPattern', e.currentTarget.value)}
              error={errors['settings.folderPattern']}
            />
            <Group grow align="flex-start">
              <TextInput
                type="time"
                label={t('form.windowStart')}
                value={settings.windowStart}
                onChange={(e) => set('windowStart', e.currentTarget.value)}
                error={errors['settings.windowStart']}
              />
              <TextInput
                type="time"
                label={t('form.windowEnd')}
                value={settings.windowEnd}
                onChange={(e) => set('windowEnd', e.currentTarget.value)}
                error={errors['settings.windowEnd']}
              />
            </Group>
            <Checkbox.Group
              label={t('form.days')}
              value={settings.days.map(String)}
              onChange={(values) =>
                set(
                  'days',
                  values.map(Number).sort((a, b) => a - b),
                )
              }
              error={errors['settings.days']}
            >
              <Group gap="md" mt={6}>
                {WEEK.map((day) => (
                  <Checkbox key={day} value={String(day)} label={t(`daysLong.${day}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </>
        ) : (
          <TextInput
            type="time"
            label={t('form.runAt')}
            description={t('form.runAtHint')}
            value={settings.runAt}
            onChange={(e) => set('runAt', e.currentTarget.value)}
            error={errors['settings.runAt']}
          />
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={t('form.maxRecipients')}
            value={settings.maxRecipients}
            min={1}
            allowDecimal={false}
            onChange={(v) => set('maxRecipients', Number(v) || 0)}
            error={errors['settings.maxRecipients']}
          />
          <NumberInput
            label={t('form.maxCredits')}
            value={settings.maxCredits}
            min={1}
            allowDecimal={false}
            onChange={(v) => set('maxCredits', Number(v) || 0)}
            error={errors['settings.maxCredits']}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('form.capsHint')}
        </Text>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('form.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
