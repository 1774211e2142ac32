import { Menu, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuAction, type MenuItemSpec, type MenuOptions } from './menuTemplate';
import type { ShellLanguage } from './shellText';

/** Builds the application menu from menuTemplate (data) and wires its actions. */
export function setAppMenu(
  language: ShellLanguage,
  options: MenuOptions,
  actions: Record<MenuAction, () => void>,
): void {
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => ({
    ...(item.label !== undefined ? { label: item.label } : {}),
    ...(item.type ? { type: item.type } : {}),
    ...(item.role ? { role: item.role as MenuItemConstructorOptions['role'] } : {}),
    ...(item.action ? { click: actions[item.action] } : {}),
    ...(item.submenu ? { submenu: item.submenu.map(toElectron) } : {}),
  });
  const template = menuTemplate(language, process.platform, options).map(toElectron);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
