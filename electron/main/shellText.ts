/** The desktop shell's own words (menu, tray, notifications, dialogs), Dutch first. */
export type ShellLanguage = 'nl' | 'en';

const nl = {
  menuFile: 'Bestand',
  menuEdit: 'Bewerken',
  menuView: 'Beeld',
  menuWindow: 'Venster',
  menuHelp: 'Help',
  open: '{product} openen',
  quit: '{product} afsluiten',
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
  onlineManual: 'Handleiding op de website',
  orderCredits: 'Credits bestellen',
  agreements: 'Overeenkomsten',
  checkUpdates: 'Controleren op updates…',
  about: 'Over {product}',
  idle: '{product}',
  sending: '{product} verstuurt: {sent} van {total}',
  scheduled: '{product}: {count} mailing(s) ingepland',
  keepsRunningTitle: '{product} blijft actief',
  keepsRunningBody:
    'Er wordt een mailing verstuurd of er staat er een ingepland. {product} gaat daarom door in het systeemvak; klik op het pictogram om het venster weer te openen.',
  sentTitle: 'Mailing verstuurd',
  sentBody: '{sent} e-mails verstuurd, {failed} niet gelukt.',
  pausedTitle: 'Versturen gepauzeerd',
  pausedBody: 'Open {product} om te zien waarom.',
  automationPausedTitle: 'Automatische mailing gepauzeerd',
  automationPausedBody:
    '"{name}" is gepauzeerd. Open {product} (Mailings - Automatisch) om te zien waarom.',
  updateTitle: 'Update klaar',
  updateBody:
    'Er is een nieuwe versie van {product} gedownload. Nu opnieuw starten om die te gebruiken?',
  updateNow: 'Nu opnieuw starten',
  updateLater: 'Later',
  quitDuringSendTitle: 'Er wordt nog verstuurd',
  quitDuringSendBody:
    'Als u {product} nu afsluit, wordt het versturen gepauzeerd tot u {product} weer start. Er gaat niets verloren en niemand krijgt de mail twee keer.',
  quitAnyway: 'Toch afsluiten',
  keepSending: 'Door laten gaan',
  damagedTitle: 'De gegevens van {product} zijn beschadigd',
  damagedBody:
    '{product} kan zijn gegevensbestand niet lezen. U kunt de reservekopie van {day} terugzetten; de beschadigde gegevens worden apart bewaard. Wat u na die dag deed, staat daarna niet meer in {product}: controleer vóór het versturen welke mailings toen al verstuurd waren.',
  damagedNoBackup:
    '{product} kan zijn gegevensbestand niet lezen en er is geen bruikbare reservekopie. Neem contact op met uw leverancier; verwijder niets.',
  restoreBackup: 'Reservekopie terugzetten',
  closeApp: 'Afsluiten',
};

const en: typeof nl = {
  menuFile: 'File',
  menuEdit: 'Edit',
  menuView: 'View',
  menuWindow: 'Window',
  menuHelp: 'Help',
  open: 'Open {product}',
  quit: 'Quit {product}',
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
  onlineManual: 'Manual on the website',
  orderCredits: 'Order credits',
  agreements: 'Agreements',
  checkUpdates: 'Check for updates…',
  about: 'About {product}',
  idle: '{product}',
  sending: '{product} is sending: {sent} of {total}',
  scheduled: '{product}: {count} mailing(s) scheduled',
  keepsRunningTitle: '{product} keeps running',
  keepsRunningBody:
    'A mailing is being sent or is scheduled, so {product} carries on in the system tray; click its icon to open the window again.',
  sentTitle: 'Mailing sent',
  sentBody: '{sent} e-mails sent, {failed} failed.',
  pausedTitle: 'Sending paused',
  pausedBody: 'Open {product} to see why.',
  automationPausedTitle: 'Automatic mailing paused',
  automationPausedBody: '"{name}" is paused. Open {product} (Mailings - Automatic) to see why.',
  updateTitle: 'Update ready',
  updateBody: 'A new version of {product} has been downloaded. Restart now to use it?',
  updateNow: 'Restart now',
  updateLater: 'Later',
  quitDuringSendTitle: 'Still sending',
  quitDuringSendBody:
    'If you quit {product} now, sending pauses until you start {product} again. Nothing is lost and nobody gets the mail twice.',
  quitAnyway: 'Quit anyway',
  keepSending: 'Keep sending',
  damagedTitle: "{product}'s data is damaged",
  damagedBody:
    '{product} cannot read its data file. You can restore the backup of {day}; the damaged data is kept separately. What you did after that day will no longer be in {product}: before sending, check which mailings had already been sent.',
  damagedNoBackup:
    '{product} cannot read its data file and there is no usable backup. Contact your supplier; do not delete anything.',
  restoreBackup: 'Restore backup',
  closeApp: 'Quit',
};

export type ShellKey = keyof typeof nl;
const TEXTS: Record<ShellLanguage, typeof nl> = { nl, en };

// The brand's product name, set once at start (a reseller's build is not called Winkelpost).
let productName = 'Winkelpost';

export function setShellProductName(name: string): void {
  productName = name;
}

export function shellText(
  language: ShellLanguage,
  key: ShellKey,
  params: Record<string, string | number> = {},
): string {
  const values: Record<string, string | number> = { product: productName, ...params };
  return TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}
