/**
 * The id pass: every pixel says what it shows. The main person is split into body parts by side,
 * so a keypoint can be called occluded when the surface in front of it is not its own limb (the
 * far knee behind the near shin, the far ear behind the head). Clothes and hair take the part of
 * the body under them. Values are the red channel of the id render (0..255).
 */
export const PART = {
  background: 0,
  prop: 1,
  passerBy: 2,
  strap: 3,
  headLeft: 10,
  headRight: 11,
  trunkLeft: 12,
  trunkRight: 13,
  upperArmLeft: 14,
  upperArmRight: 15,
  forearmLeft: 16,
  forearmRight: 17,
  thighLeft: 18,
  thighRight: 19,
  shinLeft: 20,
  shinRight: 21,
  footLeft: 22,
  footRight: 23,
} as const;

export type PartId = (typeof PART)[keyof typeof PART];

/** The main person's parts: the silhouette is every pixel with one of these. */
export function isMainPerson(part: number): boolean {
  return part >= PART.headLeft && part <= PART.footRight;
}

type Region = 'head' | 'trunk' | 'upperArm' | 'forearm' | 'thigh' | 'shin' | 'foot';

const PART_OF: Readonly<Record<Region, readonly [number, number]>> = {
  head: [PART.headLeft, PART.headRight],
  trunk: [PART.trunkLeft, PART.trunkRight],
  upperArm: [PART.upperArmLeft, PART.upperArmRight],
  forearm: [PART.forearmLeft, PART.forearmRight],
  thigh: [PART.thighLeft, PART.thighRight],
  shin: [PART.shinLeft, PART.shinRight],
  foot: [PART.footLeft, PART.footRight],
};

/** The part of a body region on one side (left = +x of the rest mesh). */
export function partOf(region: Region, left: boolean): number {
  const [l, r] = PART_OF[region];
  return left ? l : r;
}

/** Which region a MakeHuman bone drives (by the bone's name). */
export function regionOfBone(name: string): Region {
  if (/^(upperleg)/.test(name)) return 'thigh';
  if (/^(lowerleg)/.test(name)) return 'shin';
  if (/^(foot|toe)/.test(name)) return 'foot';
  if (/^(shoulder|upperarm)/.test(name)) return 'upperArm';
  if (/^(lowerarm|wrist|metacarpal|finger)/.test(name)) return 'forearm';
  if (/^(root|spine|pelvis|clavicle|breast)/.test(name)) return 'trunk';
  return 'head';
}
