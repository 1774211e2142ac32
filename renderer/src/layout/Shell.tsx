import { AppShell, Group, ScrollArea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppInfo } from '../hooks/useAppInfo';
import { CreditsBadge } from './CreditsBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { SyncStatus } from './SyncStatus';
import { useSendFinishedNotice } from './useSendFinishedNotice';

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
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3} c="brand.8">
            {info?.branding.productName ?? 'Winkelpost'}
          </Title>
          <Group gap="lg">
            <SyncStatus />
            <CreditsBadge balance={info ? info.credits.balance : null} />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <Navigation path={path} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
