import type { BodyMeasures, Side } from '../geometry/measures';
import type { SetupIssue } from './events';
import { isNotSeen, readMeasure } from './readMeasure';
import type { StretchDefinition } from './stretchDefinition';

const NO_ISSUES: readonly SetupIssue[] = Object.freeze([]);

/**
 * What stands between the user and the start of a rep: not in frame, not side-on, not sitting/
 * standing/lying as the stretch needs, no working leg (or still the first leg when the second is
 * due), or a start condition unmet. Ordered as the user should fix them: be seen, turn, get into
 * position.
 *
 * `expectedLeg` is the leg the next rep must use, or null when any leg may start.
 */
export function setupIssues(
  stretch: StretchDefinition,
  measures: BodyMeasures,
  expectedLeg: Side | null,
): readonly SetupIssue[] {
  if (!measures.personFound) return [{ kind: 'no-person' }];
  const issues: SetupIssue[] = [];
  const { wholeBodyInFrame, view, orientation, workingLeg } = measures;
  if (stretch.camera.wholeBody && wholeBodyInFrame.value === null)
    issues.push({ kind: 'not-whole-body', joints: wholeBodyInFrame.joints });
  if (view.value === null || !stretch.camera.views.includes(view.value))
    issues.push({ kind: 'not-side-on', view: view.value });
  if (orientation.value !== stretch.start.orientation)
    issues.push({
      kind: 'wrong-orientation',
      expected: stretch.start.orientation,
      actual: orientation.value,
    });
  if (stretch.start.needsWorkingLeg) {
    if (workingLeg.value === null) issues.push({ kind: 'no-working-leg' });
    else if (expectedLeg !== null && workingLeg.value !== expectedLeg)
      issues.push({ kind: 'wrong-leg', expected: expectedLeg });
  }
  if (issues.length > 0) return issues;

  const leg = repLegSide(stretch, measures, expectedLeg);
  if (leg === null) return [{ kind: 'not-side-on', view: view.value }];
  stretch.start.conditions.forEach((condition, conditionIndex) => {
    const value = readMeasure(measures, condition.measure, leg);
    if (typeof value !== 'number') {
      if (isNotSeen(value)) issues.push({ kind: 'cannot-see', joints: value.joints });
      return;
    }
    const tooLow = condition.atLeast !== undefined && value < condition.atLeast;
    const tooHigh = condition.atMost !== undefined && value > condition.atMost;
    if (tooLow || tooHigh) issues.push({ kind: 'start-condition', conditionIndex });
  });
  return issues.length === 0 ? NO_ISSUES : issues;
}

/**
 * The leg whose measures a rep reads: the working leg geometry found for a one-leg stretch (or
 * the one the routine expects), the leg nearer the camera for a both-legs stretch.
 */
export function repLegSide(
  stretch: StretchDefinition,
  measures: BodyMeasures,
  expectedLeg: Side | null,
): Side | null {
  if (stretch.legs === 'both-legs') return measures.nearSide.value;
  return expectedLeg ?? measures.workingLeg.value ?? measures.nearSide.value;
}

/** A key that changes exactly when the issues a user should hear about change. */
export function setupIssuesKey(issues: readonly SetupIssue[]): string {
  let key = '';
  for (const issue of issues)
    key +=
      issue.kind === 'start-condition'
        ? `start-condition:${issue.conditionIndex};`
        : `${issue.kind};`;
  return key;
}
