import { NumberInput, PasswordInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrandLook } from '../../layout/useBrandLook';
import { SectionCard } from './SectionCard';
import type { Settings } from './SettingsContext';
import { useSectionSave } from './useSectionSave';

type Smtp = Settings['smtp'];
const DEFAULT_PORTS = { tls: 465, starttls: 587, none: 25 } as const;

/**
 * The shop's mail server. The password is write-only: the field stays empty, a note says whether
 * one is stored, and leaving it empty keeps the stored one.
 */
export function SmtpSection({ initial, actions }: { initial: Smtp; actions?: ReactNode }) {
  const { t } = useTranslation('settings');
  const [smtp, setSmtp] = useState({
    host: initial.host,
    port: initial.port as number | string,
    security: initial.security,
    user: initial.user,
  });
  const [password, setPassword] = useState('');
  const look = useBrandLook();
  // Prefilled from the brand's relay and not yet completed: say that only two fields are left.
  const relayPrefilled =
    look?.smtpRelayHost != null &&
    initial.host === look.smtpRelayHost &&
    initial.user === '' &&
    !initial.passwordSet;
  const { state, errors, message, run } = useSectionSave();
  const submit = async () => {
    const port = typeof smtp.port === 'number' ? smtp.port : Number.NaN;
    const ok = await run({ smtp: { ...smtp, port, ...(password ? { password } : {}) } });
    if (ok) setPassword('');
  };
  return (
    <SectionCard
      testId="section-smtp"
      title={t('smtp.title')}
      description={t('smtp.description')}
      state={state}
      message={message}
      onSubmit={() => void submit()}
      extraActions={actions}
    >
      {relayPrefilled && (
        <Text size="sm" data-testid="smtp-relay-hint">
          {t('branding:smtpRelayPrefilled', { product: look.productName })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('smtp.host')}
          placeholder="smtp.provider.nl"
          value={smtp.host}
          error={errors['smtp.host']}
          onChange={(e) => setSmtp({ ...smtp, host: e.currentTarget.value })}
        />
        <NumberInput
          label={t('smtp.port')}
          value={smtp.port}
          error={errors['smtp.port']}
          allowDecimal={false}
          allowNegative={false}
          onChange={(value) => setSmtp({ ...smtp, port: value })}
        />
        <Select
          label={t('smtp.security')}
          value={smtp.security}
          allowDeselect={false}
          data={(['starttls', 'tls', 'none'] as const).map((value) => ({
            value,
            label: t(`smtp.securityOptions.${value}`),
          }))}
          onChange={(value) => {
            const security = (value ?? 'starttls') as Smtp['security'];
            const port = Object.values(DEFAULT_PORTS).includes(smtp.port as never)
              ? DEFAULT_PORTS[security]
              : smtp.port;
            setSmtp({ ...smtp, security, port });
          }}
        />
        <TextInput
          label={t('smtp.user')}
          value={smtp.user}
          error={errors['smtp.user']}
          autoComplete="off"
          onChange={(e) => setSmtp({ ...smtp, user: e.currentTarget.value })}
        />
        <PasswordInput
          label={t('smtp.password')}
          value={password}
          error={errors['smtp.password']}
          autoComplete="new-password"
          placeholder={initial.passwordSet ? t('smtp.passwordKept') : ''}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="smtp-password-state">
        {initial.passwordSet ? t('smtp.passwordStored') : t('smtp.passwordNotStored')}
      </Text>
    </SectionCard>
  );
}
