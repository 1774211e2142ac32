import { Alert, Badge, Button, Code, Group, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { SectionFrame } from './SectionFrame';
import { useSettings } from './SettingsContext';
import { useBusyAction } from './useBusyAction';

type DnsReport = Awaited<ReturnType<typeof api.call<'dns.check'>>>;
const COLOR = { ok: 'green', warn: 'yellow', fail: 'red' } as const;

/** DKIM key per sender domain (the TXT record to add) and the SPF/DKIM/DMARC check by DNS. */
export function DkimSection() {
  const { t } = useTranslation('sending');
  const { settings } = useSettings();
  const domains = [
    ...new Set((settings?.senders ?? []).map((s) => s.email.split('@')[1] ?? '')),
  ].filter(Boolean);
  const [domain, setDomain] = useState<string | null>(null);
  const chosen = domain ?? domains[0] ?? null;
  const [report, setReport] = useState<DnsReport | null>(null);
  const { busy, error: actionError, run } = useBusyAction();
  const stored = useChannelQuery(
    'dkim.get',
    { domain: chosen ?? '' },
    { enabled: chosen !== null },
  );
  const error = actionError ?? (stored.isError ? stored.error : null);
  const key = stored.data ?? null;
  const client = useQueryClient();

  if (!chosen) return null;
  return (
    <SectionFrame title={t('dkim.title')} description={t('dkim.description')} testId="dkim-section">
      {domains.length > 1 && (
        <Select
          label={t('dkim.domain')}
          data={domains}
          value={chosen}
          onChange={setDomain}
          allowDeselect={false}
        />
      )}
      {key ? (
        <Stack gap={4}>
          <Text size="sm">{t('dkim.addRecord')}</Text>
          <Text size="sm" fw={500}>
            {t('dkim.name')}
          </Text>
          <Code block data-testid="dkim-host">
            {key.recordHost}
          </Code>
          <Text size="xs" c="dimmed">
            {t('dkim.nameHelp', { full: key.recordName })}
          </Text>
          <Text size="sm" fw={500}>
            {t('dkim.value')}
          </Text>
          <Code block data-testid="dkim-record">
            {key.recordValue}
          </Code>
          {key.recordChunks.length > 1 && (
            <>
              <Text size="xs" c="dimmed">
                {t('dkim.valueLong', { count: key.recordChunks.length })}
              </Text>
              <Code block data-testid="dkim-record-chunks">
                {key.recordChunks.map((chunk) => `"${chunk}"`).join(' ')}
              </Code>
            </>
          )}
        </Stack>
      ) : (
        <Text size="sm">{t('dkim.noKey', { domain: chosen })}</Text>
      )}
      <Group>
        <Button
          variant="light"
          loading={busy}
          onClick={() => {
            if (key && !window.confirm(t('dkim.confirmReplace'))) return;
            void run(async () => {
              const made = await api.call('dkim.generate', { domain: chosen });
              client.setQueryData(channelKey('dkim.get', { domain: chosen }), made);
            });
          }}
        >
          {key ? t('dkim.regenerate') : t('dkim.generate')}
        </Button>
        <Button
          variant="light"
          loading={busy}
          onClick={() =>
            void run(async () => setReport(await api.call('dns.check', { domain: chosen })))
          }
        >
          {t('dkim.check')}
        </Button>
      </Group>
      {report && report.domain === chosen && (
        <Stack gap={4} data-testid="dns-report">
          {report.checks.map((check) => (
            <Group key={check.id} wrap="nowrap" align="start">
              <Badge color={COLOR[check.status]} w={70}>
                {check.id.toUpperCase()}
              </Badge>
              <Text size="sm">{t(check.key, { domain: report.domain, ...check.params })}</Text>
            </Group>
          ))}
        </Stack>
      )}
      {error !== null && <Alert color="red">{errorText(error, t)}</Alert>}
    </SectionFrame>
  );
}
