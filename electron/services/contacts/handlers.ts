import type { AppContext } from '../core/appContext';
import type { HandlerImpls } from '../core/handlerTable';
import { eraseContact } from './eraseContact';
import { exportContact } from './exportContact';

type ContactsHandlers = Pick<HandlerImpls, 'contacts.export' | 'contacts.erase'>;

export function createContactsHandlers(context: AppContext): ContactsHandlers {
  return {
    'contacts.export': ({ email }) => exportContact(context, email),
    'contacts.erase': ({ email, keepBlocked }) => eraseContact(context, email, keepBlocked),
  };
}
