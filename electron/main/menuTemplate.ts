import { shellText, type ShellLanguage } from './shellText';

/**
 * The application menu as data (roles are Electron's built-in actions; `action` names are wired
 * in menu.ts). No item opens a web page inside the app or toggles developer tools in a packaged app.
 */
export type MenuAction =
  'openManual' | 'openOnlineManual' | 'openOrderPage' | 'openAgreements' | 'checkUpdates' | 'quit';

export interface MenuOptions {
  packaged: boolean;
  productName: string;
  /** The brand has a manual on its website / an order page (opened in the browser). */
  onlineManual?: boolean;
  orderPage?: boolean;
}

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export function menuTemplate(
  language: ShellLanguage,
  platform: NodeJS.Platform,
  options: MenuOptions,
): MenuItemSpec[] {
  const t = (key: Parameters<typeof shellText>[1]) => shellText(language, key);
  const sep: MenuItemSpec = { type: 'separator' };
  const quit: MenuItemSpec = { label: t('quit'), action: 'quit' };
  const appMenu: MenuItemSpec[] =
    platform === 'darwin'
      ? [
          {
            label: options.productName,
            submenu: [{ label: t('about'), role: 'about' }, sep, { role: 'hide' }, sep, quit],
          },
        ]
      : [{ label: t('menuFile'), submenu: [quit] }];
  const view: MenuItemSpec[] = [
    { label: t('zoomIn'), role: 'zoomIn' },
    { label: t('zoomOut'), role: 'zoomOut' },
    { label: t('resetZoom'), role: 'resetZoom' },
    sep,
    { label: t('fullScreen'), role: 'togglefullscreen' },
  ];
  if (!options.packaged)
    view.push(sep, { label: t('reload'), role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...appMenu,
    {
      label: t('menuEdit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        sep,
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    { label: t('menuView'), submenu: view },
    {
      label: t('menuWindow'),
      submenu: [
        { label: t('minimize'), role: 'minimize' },
        { label: t('close'), role: 'close' },
      ],
    },
    {
      label: t('menuHelp'),
      submenu: [
        { label: t('manual'), action: 'openManual' },
        ...(options.onlineManual
          ? [{ label: t('onlineManual'), action: 'openOnlineManual' } as const]
          : []),
        ...(options.orderPage
          ? [{ label: t('orderCredits'), action: 'openOrderPage' } as const]
          : []),
        { label: t('agreements'), action: 'openAgreements' },
        sep,
        { label: t('checkUpdates'), action: 'checkUpdates' },
      ],
    },
  ];
}
