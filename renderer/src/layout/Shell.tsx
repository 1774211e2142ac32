import { AppShell, Group, ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';
import { SkipLink } from '../a11y/SkipLink';
import { useHeadingFocus } from '../a11y/useHeadingFocus';
import type { AppInfo } from '../hooks/useAppInfo';
import { BrandMark } from './BrandMark';
import { CreditsBadge } from './CreditsBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { PartnerLine } from './PartnerLine';
import { SyncStatus } from './SyncStatus';
import { useBrandLook } from './useBrandLook';
import { useSendFinishedNotice } from './useSendFinishedNotice';

const MAIN_ID = 'inhoud';

export function Shell({
  info,
  path,
  children,
}: {
  info: AppInfo | null;
  path: string;
  children: ReactNode;
}) {
  useSendFinishedNotice();
  const look = useBrandLook();
  useHeadingFocus(path, MAIN_ID);
  return (
    <>
      <SkipLink mainId={MAIN_ID} />
      <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <BrandMark
              productName={look?.productName ?? info?.branding.productName ?? 'Winkelpost'}
              logo={look?.logo ?? null}
              primaryColor={look?.primaryColor ?? null}
            />
            <Group gap="lg">
              <SyncStatus />
              <CreditsBadge balance={info ? info.credits.balance : null} />
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation path={path} />
          </AppShell.Section>
          {look?.partner && (
            <AppShell.Section>
              <PartnerLine partner={look.partner} />
            </AppShell.Section>
          )}
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1}>
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
