import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useDraft, useDraftSnapshot } from '../../../mailing/DraftContext';
import type { StepProps } from '../flow/stepProps';
import { errorText, toFieldErrors } from '../../../components/fieldErrors';
import { usePreviewContacts } from './usePreviewContacts';
import { formatDateTime } from '../../../format';

type TestResult = Awaited<ReturnType<typeof api.call<'send.test'>>>;
const MAX_ADDRESSES = 5;
const REMEMBERED = 'winkelpost.testAddresses';

function rememberedAddresses(): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(REMEMBERED) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Step 5, Testen: the mailing as it will be sent, to up to five own addresses, free of credits. */
export function TestStep({ mailingId }: StepProps) {
  const { t, i18n } = useTranslation('sending');
  const draft = useDraft();
  const mailing = useDraftSnapshot((s) => s.mailing);
  const contacts = usePreviewContacts(mailingId);
  const [addresses, setAddresses] = useState<string[]>(() => {
    const saved = rememberedAddresses();
    return saved.length > 0 ? saved : [''];
  });
  const [contactId, setContactId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const times = result
    ? { lastTestAt: result.lastTestAt, contentChangedAt: result.contentChangedAt }
    : { lastTestAt: mailing.lastTestAt, contentChangedAt: mailing.contentChangedAt };

  const format = (ms: number) => formatDateTime(ms, i18n.language);
  const filled = addresses.map((a) => a.trim()).filter((a) => a !== '');
  // The main side names a refused address by its place among the filled ones ("to.1").
  const fieldErrors = toFieldErrors(error, t);
  const errorOf = (index: number) => {
    if (addresses[index]!.trim() === '') return undefined;
    const place = addresses.slice(0, index).filter((a) => a.trim() !== '').length;
    return fieldErrors[`to.${place}`];
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await draft.flush();
      window.localStorage.setItem(REMEMBERED, JSON.stringify(filled));
      const outcome = await api.call('send.test', {
        mailingId,
        to: filled,
        ...(contactId ? { contactId: Number(contactId) } : {}),
      });
      setResult(outcome);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const upToDate = times.lastTestAt !== null && times.lastTestAt >= times.contentChangedAt;
  return (
    <Stack maw={760} gap="md" data-testid="test-step">
      <div>
        <Title order={3}>{t('test.title')}</Title>
        <Text c="dimmed">{t('test.intro', { max: MAX_ADDRESSES })}</Text>
      </div>
      <Alert color={upToDate ? 'green' : 'yellow'} data-testid="test-freshness">
        {times.lastTestAt === null
          ? t('test.never')
          : upToDate
            ? t('test.upToDate', { tested: format(times.lastTestAt) })
            : t('test.outdated', {
                tested: format(times.lastTestAt),
                changed: format(times.contentChangedAt),
              })}
      </Alert>
      {addresses.map((address, index) => (
        <Group key={index} align="end">
          <TextInput
            flex={1}
            type="email"
            label={t('test.address', { n: index + 1 })}
            value={address}
            error={errorOf(index)}
            onChange={(event) => {
              const next = [...addresses];
              next[index] = event.currentTarget.value;
              setAddresses(next);
            }}
          />
          {addresses.length > 1 && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setAddresses(addresses.filter((_, i) => i !== index))}
            >
              {t('test.remove')}
            </Button>
          )}
        </Group>
      ))}
      {addresses.length < MAX_ADDRESSES && (
        <Group>
          <Button variant="light" onClick={() => setAddresses([...addresses, ''])}>
            {t('test.add')}
          </Button>
        </Group>
      )}
      <Select
        label={t('test.personalise')}
        placeholder={t('test.sampleData')}
        clearable
        searchable
        value={contactId}
        onChange={setContactId}
        data={contacts.map((c) => ({ value: String(c.id), label: `${c.name} <${c.email}>` }))}
      />
      <Group>
        <Button onClick={() => void send()} loading={busy} disabled={filled.length === 0}>
          {t('test.send')}
        </Button>
      </Group>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      {result && result.results.some((r) => r.ok) && (
        <Alert
          color={result.differences.length === 0 ? 'green' : 'yellow'}
          data-testid="test-differences"
        >
          {result.differences.length === 0 ? (
            t('test.differences.same')
          ) : (
            <Stack gap={4}>
              {result.differences.map((key) => (
                <Text key={key} size="sm">
                  {t(key)}
                </Text>
              ))}
            </Stack>
          )}
        </Alert>
      )}
      {result && (
        <Table data-testid="test-results">
          <Table.Tbody>
            {result.results.map((r) => (
              <Table.Tr key={r.to}>
                <Table.Td>{r.to}</Table.Td>
                <Table.Td c={r.ok ? 'green' : 'red'}>
                  {r.ok
                    ? r.outboxFile
                      ? t('test.toOutbox', { file: r.outboxFile })
                      : t('test.sent')
                    : t(r.errorKey ?? 'sending:smtp.unknown')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
