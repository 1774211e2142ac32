import {
  Alert,
  Button,
  ColorInput,
  FileButton,
  Group,
  Image,
  SimpleGrid,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { readFileAsBase64 } from '../../editor/images/readFileAsBase64';
import { SectionFrame } from './SectionFrame';

type Identity = ChannelOutput<'identity.get'>;
type Colors = Identity['colors'];
const COLOR_FIELDS: (keyof Colors)[] = ['accent', 'heading', 'link'];

/**
 * Uw logo en huisstijl: set once, used by every new mailing (blank or from a BASIS template), so
 * no customer ever gets the template's "JOUW LOGO".
 */
export function IdentitySection() {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const identity = useChannelQuery('identity.get', {}).data ?? null;
  /** Colours typed but not saved yet; until then, the saved ones. */
  const [typedColors, setColors] = useState<Colors | null>(null);
  const colors = typedColors ?? identity?.colors ?? { accent: '', heading: '', link: '' };
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (action: () => Promise<Identity>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await action();
      // The answer is the saved identity: the cache holds it from now on.
      client.setQueryData(channelKey('identity.get', {}), next);
      setColors(null);
      setMessage({ ok: true, text: done });
    } catch (failure) {
      setMessage({ ok: false, text: errorMessage(failure, t) });
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File | null) => {
    if (!file) return;
    void run(
      async () =>
        api.call('identity.setLogo', {
          fileName: file.name,
          dataBase64: await readFileAsBase64(file),
        }),
      t('identity.logoSaved'),
    );
  };

  return (
    <SectionFrame
      testId="section-identity"
      title={t('identity.title')}
      description={t('identity.description')}
    >
      <Group align="center" gap="lg">
        {identity?.logo ? (
          <Image
            src={identity.logo.dataUrl}
            alt={t('identity.logoAlt')}
            maw={200}
            mah={100}
            fit="contain"
            data-testid="identity-logo"
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="identity-no-logo">
            {t('identity.noLogo')}
          </Text>
        )}
        <FileButton onChange={upload} accept="image/png,image/jpeg,image/gif">
          {(props) => (
            <Button {...props} variant="light" loading={busy}>
              {identity?.logo ? t('identity.replaceLogo') : t('identity.uploadLogo')}
            </Button>
          )}
        </FileButton>
        {identity?.logo && (
          <Button
            variant="subtle"
            color="red"
            disabled={busy}
            onClick={() =>
              void run(() => api.call('identity.removeLogo', {}), t('identity.logoRemoved'))
            }
          >
            {t('identity.removeLogo')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {COLOR_FIELDS.map((field) => (
          <ColorInput
            key={field}
            label={t(`identity.colors.${field}`)}
            placeholder={t('identity.colors.template')}
            format="hex"
            value={colors[field]}
            onChange={(value) => setColors({ ...colors, [field]: value })}
          />
        ))}
      </SimpleGrid>
      <Group>
        <Button
          disabled={busy}
          onClick={() =>
            void run(() => api.call('identity.setColors', { colors }), t('identity.colorsSaved'))
          }
        >
          {t('identity.saveColors')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('identity.note')}
      </Text>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
    </SectionFrame>
  );
}
