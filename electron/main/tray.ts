import { Menu, nativeImage, Tray } from 'electron';
import { shellText, type ShellLanguage } from './shellText';

/** The tray icon: shows send progress in its tooltip, reopens the window, quits on request. */
export function createTray(
  iconPath: string,
  actions: { open(): void; quit(): void },
): { update(tooltip: string, language: ShellLanguage): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.on('click', actions.open);
  let language: ShellLanguage | null = null;
  return {
    update(tooltip, nextLanguage) {
      tray.setToolTip(tooltip);
      if (nextLanguage === language) return;
      language = nextLanguage;
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: shellText(nextLanguage, 'open'), click: actions.open },
          { type: 'separator' },
          { label: shellText(nextLanguage, 'quit'), click: actions.quit },
        ]),
      );
    },
    destroy: () => tray.destroy(),
  };
}
