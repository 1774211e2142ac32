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
