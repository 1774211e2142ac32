import { Stack, Switch, TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from './SectionCard';
import type { Settings } from './SettingsContext';
import { useSectionSave } from './useSectionSave';

type CampaignTags = Settings['campaignTags'];

/** The website's host as the shop typed it (for the explanation only; the main side decides). */
function websiteHost(website: string): string {
  try {
    return website === '' ? '' : new URL(website).hostname;
  } catch {
    return '';
  }
}

/**
 * Campaign tags (utm_*) for the shop's web analytics: whether new mailings start with them on,
 * and own domains beyond the website in Winkelgegevens.
 */
export function CampaignTagsSection({
  initial,
  website,
}: {
  initial: CampaignTags;
  website: string;
}) {
  const { t } = useTranslation('settings');
  const [tags, setTags] = useState<CampaignTags>(initial);
  const { state, errors, message, run } = useSectionSave();
  const domainError = Object.entries(errors).find(([field]) =>
    field.startsWith('campaignTags.extraDomains'),
  )?.[1];
  const host = websiteHost(website);
  return (
    <SectionCard
      testId="section-campaign-tags"
      title={t('campaignTags.title')}
      description={t('campaignTags.description')}
      state={state}
      message={message}
      onSubmit={() => void run({ campaignTags: tags })}
    >
      <Stack gap="sm">
        <Switch
          label={t('campaignTags.onByDefault')}
          description={t('campaignTags.onByDefaultHelp')}
          checked={tags.onByDefault}
          onChange={(e) => setTags({ ...tags, onByDefault: e.currentTarget.checked })}
        />
        <Text size="sm">
          {host === ''
            ? t('campaignTags.noWebsite')
            : t('campaignTags.websiteDomains', { domain: host })}
        </Text>
        <TagsInput
          label={t('campaignTags.extraDomains')}
          description={t('campaignTags.extraDomainsHelp')}
          value={tags.extraDomains}
          error={domainError}
          onChange={(extraDomains) => setTags({ ...tags, extraDomains })}
          maxTags={20}
        />
      </Stack>
    </SectionCard>
  );
}
