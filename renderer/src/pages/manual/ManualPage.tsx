import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import manualEn from '../../../../resources/manual/en.md?raw';
import manualNl from '../../../../resources/manual/nl.md?raw';
import { useAppInfo } from '../../hooks/useAppInfo';
import { productName, withProductName } from '../../i18n/productName';
import { Prose } from './Prose';
import { parseProse } from './prose';
import { PageTitle } from '../../a11y/PageTitle';

/** Overig - handleiding: the steps of a mailing, in the chosen language, inside the app. */
export function ManualPage() {
  const { t, i18n } = useTranslation('manual');
  const { info } = useAppInfo();
  // The manual says {{product}}: the product name of this build, known before the first render.
  const product = productName(i18n);
  const doc = useMemo(
    () => parseProse(withProductName(i18n.language === 'en' ? manualEn : manualNl, product)),
    [i18n.language, product],
  );
  const branding = info?.branding;
  return (
    <Stack maw={820} gap="lg">
      <div>
        <PageTitle>{doc.title}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <Card withBorder padding="md" component="nav" aria-label={t('contents')}>
        <Text fw={600} mb="xs">
          {t('contents')}
        </Text>
        <Stack gap={2}>
          {doc.sections.map((section, i) =>
            section.heading ? (
              <Text key={i} size="sm">
                {section.heading}
              </Text>
            ) : null,
          )}
        </Stack>
      </Card>
      <Prose doc={doc} />
      {branding && (
        <Card withBorder padding="md" data-testid="manual-support">
          <Stack gap="xs">
            {(branding.supportEmail || branding.supportPhone) && (
              <>
                <Text fw={600}>{t('support', { name: branding.productName })}</Text>
                <Group gap="lg">
                  {/* Plain text, not a mailto: link: the desktop window opens no other programs. */}
                  {branding.supportEmail && <Text>{branding.supportEmail}</Text>}
                  {branding.supportPhone && <Text>{branding.supportPhone}</Text>}
                </Group>
              </>
            )}
            {/* The reseller's own pages open in the browser (https only: the shell's allowlist). */}
            <Group gap="lg">
              {branding.manualUrl && (
                <ExternalLink href={branding.manualUrl}>{t('manualOnline')}</ExternalLink>
              )}
              {branding.bundlesUrl && (
                <ExternalLink href={branding.bundlesUrl}>{t('bundles')}</ExternalLink>
              )}
              {branding.orderUrl && (
                <ExternalLink href={branding.orderUrl}>{t('order')}</ExternalLink>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  );
}
