import type { z } from 'zod';
import { accountChannels } from './account';
import { appChannels } from './app';
import { bounceChannels } from './bounces';
import { creditsChannels } from './credits';
import { desktopChannels } from './desktop';
import { statsChannels } from './stats';
import { settingsChannels } from './settings';
import { mailingsChannels } from './mailings';
import { imagesChannels } from './images';
import { subjectChannels } from './subject';
import { selectionsChannels } from './selections';
import { suppressionChannels } from './suppression';
import { contactsChannels } from './contacts';
import { sendingChannels } from './sending';
import { checklistChannels } from './checklist';
import { sendersChannels } from './senders';
import { identityChannels } from './identity';
import { segmentsChannels } from './segments';
import { libraryChannels } from './library';
import { automationsChannels } from './automations';
import { followUpsChannels } from './followUps';

export * from './envelope';
export type { EventName, EventPayload, Events } from './events';

/**
 * Every channel of the app. Each capability declares its channels in its own file and adds one
 * spread here; the zod schemas are the only place a shape is declared.
 */
export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...bounceChannels,
  ...mailingsChannels,
  ...imagesChannels,
  ...subjectChannels,
  ...selectionsChannels,
  ...suppressionChannels,
  ...contactsChannels,
  ...sendingChannels,
  ...checklistChannels,
  ...sendersChannels,
  ...accountChannels,
  ...statsChannels,
  ...creditsChannels,
  ...desktopChannels,
  ...identityChannels,
  ...segmentsChannels,
  ...libraryChannels,
  ...automationsChannels,
  ...followUpsChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives after validation. */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
