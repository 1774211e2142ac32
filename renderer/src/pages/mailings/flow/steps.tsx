import type { ComponentType } from 'react';
import type { StepKey, StepProps } from './stepProps';
import { SelectionsStep } from '../steps/SelectionsStep';
import { ContentStep } from '../steps/ContentStep';
import { GeneralStep } from '../steps/GeneralStep';
import { PreviewStep } from '../steps/PreviewStep';
import { SendStep } from '../steps/SendStep';
import { TestStep } from '../steps/TestStep';

export { STEP_KEYS, type StepKey, type StepProps } from './stepProps';

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
