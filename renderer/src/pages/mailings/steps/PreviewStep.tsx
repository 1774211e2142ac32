import {
  Alert,
  Box,
  Code,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../data/useChannelQuery';
import { useDraft } from '../../../mailing/DraftContext';
import type { StepProps } from '../flow/stepProps';
import { errorText } from '../../../components/fieldErrors';
import type { Mailing } from '../../../mailing/mailingTypes';
import { PreviewLinks } from './PreviewLinks';
import { PreviewWarnings } from './PreviewWarnings';
import { usePreviewContacts } from './usePreviewContacts';

type Width = 'desktop' | 'phone';
/** Opgemaakt, Donker (a mail app in dark mode) or Platte tekst. */
type View = 'html' | 'dark' | 'text';
const WIDTHS: Record<Width, number> = { desktop: 760, phone: 375 };

/** The preview route serves the mail with its own strict CSP; the app's CSP forbids srcdoc styles. */
function previewUrl(
  id: string,
  contactId: number | undefined,
  imagesOff: boolean,
  dark: boolean,
  version: string,
): string {
  const query = new URLSearchParams();
  if (contactId) query.set('contactId', String(contactId));
  if (imagesOff) query.set('images', 'off');
  if (dark) query.set('scheme', 'dark');
  query.set('v', version);
  return `./_preview/${encodeURIComponent(id)}?${query.toString()}`;
}

/** Step 4, Preview: exactly what a customer receives, at computer and phone width. */
export function PreviewStep({ mailingId }: StepProps) {
  const { t } = useTranslation('mailings');
  const draft = useDraft();
  const contacts = usePreviewContacts(mailingId);
  const [contactId, setContactId] = useState<number | undefined>(undefined);
  const [width, setWidth] = useState<Width>('desktop');
  const [view, setView] = useState<View>('html');
  const [imagesOff, setImagesOff] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  /** Bumped when a setting of this step (campaign tags) was saved: the mail is made again. */
  const [remake, setRemake] = useState(0);

  // Save first: the preview must show the latest change, not the one before it (a write; the
  // preview itself is the query below).
  useEffect(() => {
    let current = true;
    void draft
      .flush()
      .then(() => current && setSavedVersion(draft.getSnapshot().mailing.updatedAt));
    return () => {
      current = false;
    };
  }, [draft]);

  // Made once the draft is saved; another contact keeps the last mail on screen until it is in.
  // Never kept after leaving the step: the next visit shows the mailing as it is then.
  const made = useChannelQuery(
    'mailings.preview',
    { id: mailingId, ...(contactId ? { contactId } : {}) },
    { enabled: savedVersion !== null, keepPrevious: true, forgetOnLeave: true },
  );
  const preview = made.data ?? null;
  const error = made.isError ? made.error : null;

  if (savedVersion === null) return <Loader aria-label={t('common:loading')} />;
  const sampleLabel = t('preview.sampleData');
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="lg">
        <Select
          label={t('preview.contact')}
          description={contacts.length === 0 ? t('preview.noContacts') : undefined}
          data={[
            { value: '', label: sampleLabel },
            ...contacts.map((c) => ({
              value: String(c.id),
              label: c.name ? `${c.name} <${c.email}>` : c.email,
            })),
          ]}
          value={contactId ? String(contactId) : ''}
          onChange={(value) => setContactId(value ? Number(value) : undefined)}
          searchable
          allowDeselect={false}
          w={320}
        />
        <SegmentedControl
          aria-label={t('preview.width')}
          value={width}
          onChange={(v) => setWidth(v as Width)}
          data={[
            { value: 'desktop', label: t('preview.desktop') },
            { value: 'phone', label: t('preview.phone') },
          ]}
        />
        <SegmentedControl
          aria-label={t('preview.view')}
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'html', label: t('preview.html') },
            { value: 'dark', label: t('preview.dark') },
            { value: 'text', label: t('preview.text') },
          ]}
        />
        <Switch
          label={t('preview.imagesOff')}
          checked={imagesOff}
          onChange={(e) => setImagesOff(e.currentTarget.checked)}
          disabled={view === 'text'}
        />
      </Group>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      {preview && <PreviewWarnings mailingId={mailingId} warnings={preview.warnings} />}
      {preview && <InboxLine preview={preview} />}
      {view === 'dark' && (
        <Text size="sm" c="dimmed" maw={760}>
          {t('preview.darkHelp')}
        </Text>
      )}
      {view !== 'text' ? (
        <Box
          w={WIDTHS[width]}
          maw="100%"
          style={{
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 8,
            overflow: 'hidden',
          }}
        >
          <iframe
            key={`${contactId ?? ''}-${imagesOff}-${view}-${savedVersion}-${remake}`}
            title={t('preview.frameTitle')}
            sandbox=""
            src={previewUrl(
              mailingId,
              contactId,
              imagesOff,
              view === 'dark',
              `${savedVersion}-${remake}`,
            )}
            style={{
              width: '100%',
              height: '70vh',
              border: 0,
              display: 'block',
              background: view === 'dark' ? 'var(--mantine-color-dark-8)' : 'white',
            }}
            data-testid="preview-frame"
          />
        </Box>
      ) : (
        <Paper withBorder p="md" maw={760}>
          <ScrollArea.Autosize mah="70vh">
            <Code block data-testid="preview-text">
              {preview?.text ?? ''}
            </Code>
          </ScrollArea.Autosize>
        </Paper>
      )}
      <PreviewLinks
        links={preview?.links}
        onChanged={() => {
          setRemake((n) => n + 1);
          void made.refetch();
        }}
      />
    </Stack>
  );
}

function InboxLine({ preview }: { preview: Pick<Mailing, 'subject' | 'topLine'> }) {
  const { t } = useTranslation('mailings');
  return (
    <Paper withBorder p="sm" maw={760}>
      <Text size="sm">
        <Text span fw={600}>
          {t('preview.subject')}:
        </Text>{' '}
        <span data-testid="preview-subject">{preview.subject}</span>
      </Text>
      {preview.topLine && (
        <Text size="sm" c="dimmed">
          {preview.topLine}
        </Text>
      )}
    </Paper>
  );
}
