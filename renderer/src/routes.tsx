import type { ComponentType } from 'react';
import { AccountPage } from './pages/account/AccountPage';
import { AgreementsPage } from './pages/agreements/AgreementsPage';
import { ManualPage } from './pages/manual/ManualPage';
import { ArchivePage } from './pages/archive/ArchivePage';
import { HomePage } from './pages/home/HomePage';
import { CreditsPage } from './pages/credits/CreditsPage';
import { StatisticsPage } from './pages/statistics/StatisticsPage';
import { SelectionsPage } from './pages/selections/SelectionsPage';
import { ResubscribePage } from './pages/suppression/ResubscribePage';
import { MailingFlowPage } from './pages/mailings/flow/MailingFlowPage';
import { MailingsPage } from './pages/mailings/overview/MailingsPage';
import { SendingPage } from './pages/sending/SendingPage';
import { AutomationsPage } from './pages/automations/AutomationsPage';

export type NavSection = 'mailings' | 'contacts' | 'other';

export interface RouteDef {
  /** Pattern with :params, matched against the hash path. */
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
  /** Shown in the left navigation when set (labels from the "nav" keys of common.json). */
  nav?: { section: NavSection | null; labelKey: string };
}

/**
 * Every page of the app. Areas add their pages here; an entry with `nav` appears in the left menu.
 * An address that matches none of them shows NotFoundPage.
 */
export const routes: RouteDef[] = [
  { path: '/', component: HomePage, nav: { section: null, labelKey: 'nav.home' } },
  {
    path: '/mailings',
    component: MailingsPage,
    nav: { section: 'mailings', labelKey: 'nav.overview' },
  },
  { path: '/mailings/:id', component: MailingFlowPage },
  { path: '/mailings/:id/:step', component: MailingFlowPage },
  {
    path: '/versturen',
    component: SendingPage,
    nav: { section: 'mailings', labelKey: 'nav.sending' },
  },
  {
    path: '/archief',
    component: ArchivePage,
    nav: { section: 'mailings', labelKey: 'nav.archive' },
  },
  {
    path: '/automatisch',
    component: AutomationsPage,
    nav: { section: 'mailings', labelKey: 'nav.automations' },
  },
  {
    path: '/statistieken',
    component: StatisticsPage,
    nav: { section: 'mailings', labelKey: 'nav.statistics' },
  },
  { path: '/statistieken/:mailingId', component: StatisticsPage },
  {
    path: '/selecties',
    component: SelectionsPage,
    nav: { section: 'contacts', labelKey: 'nav.selections' },
  },
  {
    path: '/opnieuw-inschrijven',
    component: ResubscribePage,
    nav: { section: 'contacts', labelKey: 'nav.resubscribe' },
  },
  { path: '/account', component: AccountPage, nav: { section: 'other', labelKey: 'nav.account' } },
  {
    path: '/credits',
    component: CreditsPage,
    nav: { section: 'other', labelKey: 'nav.credits' },
  },
  {
    path: '/overeenkomsten',
    component: AgreementsPage,
    nav: { section: 'other', labelKey: 'nav.agreements' },
  },
  {
    path: '/handleiding',
    component: ManualPage,
    nav: { section: 'other', labelKey: 'nav.manual' },
  },
];

export function findRoute(
  path: string,
  match: (pattern: string, path: string) => Record<string, string> | null,
) {
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
