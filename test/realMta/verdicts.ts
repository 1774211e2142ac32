import type { runKillScenario } from './killScenario';

type Outcome = Awaited<ReturnType<typeof runKillScenario>>;

/** Issue 17's promises, each checked against one run's counts. */
export function verdicts(run: Outcome, connections: number) {
  const checks = {
    noAddressMailedTwoMessageIds: run.addressesWithTwoDifferentMessageIds === 0,
    noMessageIdDeliveredTwice: run.sameMessageIdDeliveredTwice === 0,
    uncertainAtMostConnectionsPerKill:
      run.uncertain <= connections * run.kills.length &&
      run.kills.every((k) => Number(k.markedOnTheWire) <= connections),
    noClaimWithoutWireMark: run.kills.every((k) => Number(k.claimedUnmarked) === 0),
    everyOtherAddressExactlyOnce:
      run.othersNotDeliveredExactlyOnce === 0 && run.othersNotSent === 0,
    creditsEqualAcceptedMails: run.creditsCharged === run.sentJobs,
    finishedByItself: run.finishedByItself,
  };
  return { ...checks, holds: Object.values(checks).every(Boolean) };
}
