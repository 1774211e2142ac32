import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountLinkSection } from './AccountLinkSection';
import { BackupSection } from './BackupSection';
import { BounceboxSection } from './BounceboxSection';
import { DesktopPrefsSection } from './DesktopPrefsSection';
import { GeneralSection } from './GeneralSection';
import { CampaignTagsSection } from './CampaignTagsSection';
import { LimitsSection } from './LimitsSection';
import { SendersSection } from './SendersSection';
import { SettingsProvider, useSettings } from './SettingsContext';
import { IdentitySection } from './IdentitySection';
import { ShopSection } from './ShopSection';
import { SmtpSection } from './SmtpSection';
import { SmtpTestActions } from './SmtpTestActions';
import { SenderVerificationSection } from './SenderVerificationSection';
import { DkimSection } from './DkimSection';
import { OutboxSection } from './OutboxSection';
import { SecretsNotice } from './SecretsNotice';
import { PageTitle } from '../../a11y/PageTitle';
import { useScrollToSection } from './useScrollToSection';

/** Overig - account: every setting of the shop, one card per subject. */
export function AccountPage() {
  return (
    <SettingsProvider>
      <AccountSections />
    </SettingsProvider>
  );
}

function AccountSections() {
  const { t } = useTranslation('settings');
  const { settings, loadError } = useSettings();
  useScrollToSection(settings !== null);
  if (loadError) return <Alert color="red">{t('common:errors.internal')}</Alert>;
  if (!settings) return <Loader />;
  return (
    <Stack maw={960} gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <SecretsNotice />
      <AccountLinkSection />
      <SendersSection initial={settings.senders} />
      <ShopSection initial={settings.shop} />
      <IdentitySection />
      <SmtpSection initial={settings.smtp} />
      <SmtpTestActions />
      <SenderVerificationSection />
      <DkimSection />
      <OutboxSection />
      <BounceboxSection />
      <LimitsSection initial={settings.limits} />
      <CampaignTagsSection initial={settings.campaignTags} website={settings.shop.website} />
      <GeneralSection initial={settings} />
      <DesktopPrefsSection />
      <BackupSection />
    </Stack>
  );
}
