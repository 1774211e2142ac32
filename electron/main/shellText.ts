/** The desktop shell's own words (menu, tray, notifications, dialogs), Dutch first. */
export type ShellLanguage = 'nl' | 'en';

const nl = {
  menuFile: 'Bestand',
  menuEdit: 'Bewerken',
  menuView: 'Beeld',
  menuWindow: 'Venster',
  menuHelp: 'Help',
  open: 'Winkelpost openen',
  quit: 'Winkelpost afsluiten',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw',
  cut: 'Knippen',
  copy: 'Kopiëren',
  paste: 'Plakken',
  selectAll: 'Alles selecteren',
  reload: 'Opnieuw laden',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  resetZoom: 'Ware grootte',
  fullScreen: 'Volledig scherm',
  minimize: 'Minimaliseren',
  close: 'Venster sluiten',
  manual: 'Handleiding',
  agreements: 'Overeenkomsten',
  checkUpdates: 'Controleren op updates…',
  about: 'Over Winkelpost',
  idle: 'Winkelpost',
  sending: 'Winkelpost verstuurt: {sent} van {total}',
  scheduled: 'Winkelpost: {count} mailing(s) ingepland',
  keepsRunningTitle: 'Winkelpost blijft actief',
  keepsRunningBody:
    'Er wordt een mailing verstuurd of er staat er een ingepland. Winkelpost gaat daarom door in het systeemvak; klik op het pictogram om het venster weer te openen.',
  sentTitle: 'Mailing verstuurd',
  sentBody: '{sent} e-mails verstuurd, {failed} niet gelukt.',
  pausedTitle: 'Versturen gepauzeerd',
  pausedBody: 'Open Winkelpost om te zien waarom.',
  updateTitle: 'Update klaar',
  updateBody:
    'Er is een nieuwe versie van Winkelpost gedownload. Nu opnieuw starten om die te gebruiken?',
  updateNow: 'Nu opnieuw starten',
  updateLater: 'Later',
  quitDuringSendTitle: 'Er wordt nog verstuurd',
  quitDuringSendBody:
    'Als u Winkelpost nu afsluit, wordt het versturen gepauzeerd tot u Winkelpost weer start. Er gaat niets verloren en niemand krijgt de mail twee keer.',
  quitAnyway: 'Toch afsluiten',
  keepSending: 'Door laten gaan',
  damagedTitle: 'De gegevens van Winkelpost zijn beschadigd',
  damagedBody:
    'Winkelpost kan zijn gegevensbestand niet lezen. U kunt de reservekopie van {day} terugzetten; de beschadigde gegevens worden apart bewaard. Wat u na die dag deed, staat daarna niet meer in Winkelpost: controleer vóór het versturen welke mailings toen al verstuurd waren.',
  damagedNoBackup:
    'Winkelpost kan zijn gegevensbestand niet lezen en er is geen bruikbare reservekopie. Neem contact op met uw leverancier; verwijder niets.',
  restoreBackup: 'Reservekopie terugzetten',
  closeApp: 'Afsluiten',
};

const en: typeof nl = {
  menuFile: 'File',
  menuEdit: 'Edit',
  menuView: 'View',
  menuWindow: 'Window',
  menuHelp: 'Help',
  open: 'Open Winkelpost',
  quit: 'Quit Winkelpost',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  reload: 'Reload',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Actual size',
  fullScreen: 'Full screen',
  minimize: 'Minimise',
  close: 'Close window',
  manual: 'Manual',
  agreements: 'Agreements',
  checkUpdates: 'Check for updates…',
  about: 'About Winkelpost',
  idle: 'Winkelpost',
  sending: 'Winkelpost is sending: {sent} of {total}',
  scheduled: 'Winkelpost: {count} mailing(s) scheduled',
  keepsRunningTitle: 'Winkelpost keeps running',
  keepsRunningBody:
    'A mailing is being sent or is scheduled, so Winkelpost carries on in the system tray; click its icon to open the window again.',
  sentTitle: 'Mailing sent',
  sentBody: '{sent} e-mails sent, {failed} failed.',
  pausedTitle: 'Sending paused',
  pausedBody: 'Open Winkelpost to see why.',
  updateTitle: 'Update ready',
  updateBody: 'A new version of Winkelpost has been downloaded. Restart now to use it?',
  updateNow: 'Restart now',
  updateLater: 'Later',
  quitDuringSendTitle: 'Still sending',
  quitDuringSendBody:
    'If you quit Winkelpost now, sending pauses until you start Winkelpost again. Nothing is lost and nobody gets the mail twice.',
  quitAnyway: 'Quit anyway',
  keepSending: 'Keep sending',
  damagedTitle: "Winkelpost's data is damaged",
  damagedBody:
    'Winkelpost cannot read its data file. You can restore the backup of {day}; the damaged data is kept separately. What you did after that day will no longer be in Winkelpost: before sending, check which mailings had already been sent.',
  damagedNoBackup:
    'Winkelpost cannot read its data file and there is no usable backup. Contact your supplier; do not delete anything.',
  restoreBackup: 'Restore backup',
  closeApp: 'Quit',
};

export type ShellKey = keyof typeof nl;
const TEXTS: Record<ShellLanguage, typeof nl> = { nl, en };

export function shellText(
  language: ShellLanguage,
  key: ShellKey,
  params: Record<string, string | number> = {},
): string {
  return TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}
