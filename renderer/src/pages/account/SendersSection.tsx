import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from './SectionCard';
import type { Settings } from './SettingsContext';
import { useSectionSave } from './useSectionSave';

type Sender = { id?: string; name: string; email: string; replyTo: string; verified?: boolean };

/** Sender identities: the name and From address customers see, and where replies go. */
export function SendersSection({ initial }: { initial: Settings['senders'] }) {
  const { t } = useTranslation('settings');
  const [senders, setSenders] = useState<Sender[]>(
    initial.length > 0 ? initial : [{ name: '', email: '', replyTo: '' }],
  );
  const { state, errors, message, run } = useSectionSave();
  const update = (index: number, patch: Partial<Sender>) =>
    setSenders(senders.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const submit = () => {
    const filled = senders.filter((s) => s.name.trim() || s.email.trim() || s.replyTo.trim());
    void run({
      senders: filled.map(({ id, name, email, replyTo }) => ({
        ...(id ? { id } : {}),
        name,
        email,
        replyTo,
      })),
    });
  };
  return (
    <SectionCard
      testId="section-senders"
      title={t('senders.title')}
      description={t('senders.description')}
      state={state}
      message={message}
      onSubmit={submit}
      extraActions={
        <Button
          variant="light"
          onClick={() => setSenders([...senders, { name: '', email: '', replyTo: '' }])}
        >
          {t('senders.add')}
        </Button>
      }
    >
      <Stack gap="md">
        {senders.map((sender, index) => (
          <Group
            key={sender.id ?? `new-${index}`}
            align="flex-start"
            wrap="nowrap"
            data-testid={`sender-${index}`}
          >
            <TextInput
              label={t('senders.name')}
              value={sender.name}
              error={errors[`senders.${index}.name`]}
              onChange={(e) => update(index, { name: e.currentTarget.value })}
              flex={1}
            />
            <TextInput
              label={t('senders.email')}
              value={sender.email}
              error={errors[`senders.${index}.email`]}
              onChange={(e) => update(index, { email: e.currentTarget.value })}
              flex={1}
            />
            <TextInput
              label={t('senders.replyTo')}
              value={sender.replyTo}
              error={errors[`senders.${index}.replyTo`]}
              onChange={(e) => update(index, { replyTo: e.currentTarget.value })}
              flex={1}
            />
            <Stack gap={4} pt={26}>
              {sender.id &&
                (sender.verified ? (
                  <Badge color="green">{t('senders.verified')}</Badge>
                ) : (
                  <Badge color="gray">{t('senders.unverified')}</Badge>
                ))}
            </Stack>
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              aria-label={t('senders.remove')}
              onClick={() => setSenders(senders.filter((_, i) => i !== index))}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {senders.length === 0 && <Text c="dimmed">{t('senders.none')}</Text>}
      </Stack>
    </SectionCard>
  );
}
