import type { TFunction } from 'i18next';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';

export type Automation = ChannelOutput<'automations.get'>;
export type AutomationRun = ChannelOutput<'automations.runs'>[number];
export type AutomationDraft = ChannelInput<'automations.save'>;
export type AutomationSettings = Automation['settings'];
export type AutomationKind = Automation['kind'];

/** A reason from the main side (pause, stopped run): its own namespace's key and params. */
export function reasonText(
  reason: { key: string; params?: Record<string, string | number> } | null,
  t: TFunction,
): string {
  if (!reason) return '';
  return t(reason.key, reason.params ?? {});
}
