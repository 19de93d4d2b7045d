/**
 * What the camera can resolve of a depth angle (hip hinge, leg raise): a difference between two
 * rep peaks — left against right, or one week against another — smaller than this is within the
 * measurement's own error and is not reported as a finding.
 *
 * Measured on the studio's rendered clips, whose exact per-frame angles are known (studio/README.md):
 * six holds (four standing hamstring, two long-sit; six people, cameras high, low and turned
 * 20° off the side), read with BlazePose Full (`npm run eval -- DIR --fps 5 --json OUT`) and
 * compared frame by frame with the truth over the hold frames without a fault. A rep's peak
 * (90th percentile, reportMeasures.ts) came out -8.3, -7.4, -1.1, +1.1, +3.1 and +3.9 degrees
 * from the true one: 5.0 degrees root-mean-square, the error of one peak. A difference of two
 * peaks carries two such errors, sqrt(2) x 5.0 = 7.1 degrees: differences up to 7 degrees are
 * one standard error or less and said to be even. (Six holds are few: this is a measured
 * figure, not a precise one; the turned camera gave the two largest errors.)
 */
export const DEPTH_RESOLUTION_DEG = 7;

/** Whether two depth figures differ by more than the camera can resolve. */
export function beyondResolution(differenceDeg: number): boolean {
  return Math.abs(differenceDeg) > DEPTH_RESOLUTION_DEG;
}
