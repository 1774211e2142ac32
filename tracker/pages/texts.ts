import type { PageLanguage } from './language';

/** The words on the recipient-facing pages, Dutch first. {shop} is the shop's name (escaped later). */
export const PAGE_TEXTS = {
  nl: {
    unsubscribeTitle: 'Afmelden',
    unsubscribeQuestion: 'Wilt u geen e-mails meer ontvangen van {shop}?',
    unsubscribeButton: 'Afmelden',
    unsubscribeNote: 'Na één klik bent u afgemeld. U hoeft verder niets te doen.',
    unsubscribedTitle: 'U bent afgemeld',
    unsubscribedText: 'U ontvangt geen e-mails meer van {shop}.',
    confirmTitle: 'Inschrijving bevestigen',
    confirmQuestion: 'Wilt u weer e-mails ontvangen van {shop}?',
    confirmButton: 'Ja, schrijf mij weer in',
    confirmNote: 'Er verandert pas iets als u op de knop klikt.',
    confirmedTitle: 'Bedankt!',
    confirmedText: 'U bent weer ingeschreven en ontvangt voortaan weer e-mails van {shop}.',
    alreadyConfirmedTitle: 'Al bevestigd',
    alreadyConfirmedText:
      'U had uw inschrijving bij {shop} al bevestigd. U hoeft verder niets te doen.',
    notFoundTitle: 'Pagina niet gevonden',
    notFoundText:
      'Deze link klopt niet (meer). Controleer of u de hele link uit de e-mail hebt gebruikt.',
    errorTitle: 'Er ging iets mis',
    errorText: 'Probeer het over een paar minuten opnieuw.',
    tooManyTitle: 'Te veel verzoeken',
    tooManyText:
      'Vanaf uw netwerk kwamen veel verzoeken tegelijk. Probeer het over een minuut opnieuw.',
  },
  en: {
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeQuestion: 'Do you no longer want to receive e-mails from {shop}?',
    unsubscribeButton: 'Unsubscribe',
    unsubscribeNote: 'One click unsubscribes you. There is nothing else to do.',
    unsubscribedTitle: 'You have been unsubscribed',
    unsubscribedText: 'You will no longer receive e-mails from {shop}.',
    confirmTitle: 'Confirm your subscription',
    confirmQuestion: 'Would you like to receive e-mails from {shop} again?',
    confirmButton: 'Yes, subscribe me again',
    confirmNote: 'Nothing changes until you click the button.',
    confirmedTitle: 'Thank you!',
    confirmedText: 'You are subscribed again and will receive e-mails from {shop} from now on.',
    alreadyConfirmedTitle: 'Already confirmed',
    alreadyConfirmedText:
      'You had already confirmed your subscription with {shop}. There is nothing else to do.',
    notFoundTitle: 'Page not found',
    notFoundText:
      'This link is not (or no longer) valid. Check that you used the whole link from the e-mail.',
    errorTitle: 'Something went wrong',
    errorText: 'Please try again in a few minutes.',
    tooManyTitle: 'Too many requests',
    tooManyText: 'Many requests came from your network at once. Please try again in a minute.',
  },
} satisfies Record<PageLanguage, Record<string, string>>;

export type PageText = keyof (typeof PAGE_TEXTS)['nl'];
