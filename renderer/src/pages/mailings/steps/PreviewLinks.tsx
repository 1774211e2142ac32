import { List, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDraft, useDraftSnapshot } from '../../../mailing/DraftContext';
import { isReadOnly } from '../../../mailing/mailingTypes';

interface PreviewLink {
  id: number;
  url: string;
}

/**
 * The mail's links as the tracker registers them (campaign tags included), with the mailing's
 * switch for campaign tags; `onChanged` runs once the switch is saved, so the list is redone.
 */
export function PreviewLinks({
  links,
  onChanged,
}: {
  links: PreviewLink[] | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation('mailings');
  const draft = useDraft();
  const mailing = useDraftSnapshot((s) => s.mailing);
  const toggle = (campaignTags: boolean) => {
    draft.setFields({ campaignTags });
    void draft.flush().then(onChanged);
  };
  return (
    <Paper withBorder p="md" maw={760}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('preview.linksTitle')}
        </Title>
        <Switch
          label={t('preview.campaignTags')}
          description={t('preview.campaignTagsHelp')}
          checked={mailing.campaignTags}
          disabled={isReadOnly(mailing)}
          onChange={(e) => toggle(e.currentTarget.checked)}
          data-testid="campaign-tags-switch"
        />
        {links && links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('preview.noLinks')}
          </Text>
        )}
        {links && links.length > 0 && (
          <List size="sm" spacing={4} data-testid="preview-links">
            {links.map((link) => (
              <List.Item key={link.id} style={{ overflowWrap: 'anywhere' }}>
                {link.url}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
