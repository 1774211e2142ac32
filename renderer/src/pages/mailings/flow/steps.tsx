import type { ComponentType } from 'react';
import { SelectionsStep } from '../steps/SelectionsStep';
import { ContentStep } from '../steps/ContentStep';
import { GeneralStep } from '../steps/GeneralStep';
import { PreviewStep } from '../steps/PreviewStep';
import { SendStep } from '../steps/SendStep';
import { TestStep } from '../steps/TestStep';

/** The six steps of a mailing, left to right, as tabs (route: #/mailings/<id>/<step>). */
export const STEP_KEYS = [
  'inhoud',
  'algemeen',
  'selecties',
  'preview',
  'testen',
  'versturen',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface StepProps {
  mailingId: string;
}

/**
 * Which component fills each step. Each area replaces its own line with its step component:
 * inhoud, algemeen, preview (mailing editor); selecties (selections); testen, versturen (sending).
 */
export const stepComponents: Record<StepKey, ComponentType<StepProps>> = {
  inhoud: ContentStep,
  algemeen: GeneralStep,
  selecties: SelectionsStep,
  preview: PreviewStep,
  testen: TestStep,
  versturen: SendStep,
};
