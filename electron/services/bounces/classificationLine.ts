import { classifyReport, type BounceKind } from './classify';
import type { BounceReason } from './reasons';
import type { BounceReport } from './report';

/** The public shape `npm run bounces:classify` prints per message (support staff and resellers). */
export interface ClassificationLine {
  file: string;
  kind: BounceKind;
  reason: BounceReason;
  status: string;
  recipient: string | null;
}

export function classificationLine(file: string, report: BounceReport): ClassificationLine {
  const verdict = classifyReport(report);
  return {
    file,
    kind: verdict.kind,
    reason: verdict.reason,
    status: verdict.status,
    recipient: verdict.recipient,
  };
}
