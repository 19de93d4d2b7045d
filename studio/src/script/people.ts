import type { OutfitSpec, PersonSpec } from '../scene/clipSpec';

/**
 * The cast: ten people across sex, age, ancestry, height and body mass (MakeHuman's macro
 * modifiers), each with the matching MakeHuman skin (young / middle-aged / old x African / Asian /
 * Caucasian x female / male) and hair from the MakeHuman distribution.
 */
type Ancestry = 'african' | 'asian' | 'caucasian';

function person(
  id: string,
  sex: 'female' | 'male',
  ageYears: number,
  ancestry: Ancestry,
  height: number,
  weight: number,
  muscle: number,
  hair: string | null,
  hairTint: readonly [number, number, number],
  eyebrows: string,
  lumbarFlexDeg: number,
): PersonSpec {
  const ageGroup = ageYears < 35 ? 'young' : ageYears < 58 ? 'middleage' : 'old';
  return {
    id,
    shape: {
      gender: sex === 'male' ? 1 : 0,
      // MakeHuman: 0.5 is 25 years, 1 is 90.
      age: 0.5 + (ageYears - 25) / 130,
      muscle,
      weight,
      height,
      african: ancestry === 'african' ? 1 : 0,
      asian: ancestry === 'asian' ? 1 : 0,
      caucasian: ancestry === 'caucasian' ? 1 : 0,
    },
    skin: `${ageGroup}_${ancestry}_${sex}`,
    hair,
    hairTint,
    eyebrows,
    lumbarFlexDeg,
  };
}

const DARK: readonly [number, number, number] = [0.35, 0.28, 0.24];
const BLACK: readonly [number, number, number] = [0.22, 0.2, 0.2];
const GREY: readonly [number, number, number] = [0.85, 0.85, 0.85];
const NATURAL: readonly [number, number, number] = [1, 1, 1];

export const PEOPLE: readonly PersonSpec[] = [
  person(
    'p01-young-african-female',
    'female',
    24,
    'african',
    0.55,
    0.5,
    0.5,
    'afro01',
    BLACK,
    'eyebrow010',
    10,
  ),
  person(
    'p02-young-caucasian-male',
    'male',
    27,
    'caucasian',
    0.7,
    0.45,
    0.6,
    'short02',
    NATURAL,
    'eyebrow001',
    14,
  ),
  person(
    'p03-middle-asian-female',
    'female',
    46,
    'asian',
    0.3,
    0.55,
    0.45,
    'bob02',
    BLACK,
    'eyebrow004',
    8,
  ),
  person(
    'p04-old-caucasian-male',
    'male',
    68,
    'caucasian',
    0.45,
    0.7,
    0.4,
    'short04',
    GREY,
    'eyebrow008',
    16,
  ),
  person(
    'p05-middle-african-male',
    'male',
    44,
    'african',
    0.8,
    0.6,
    0.7,
    'short01',
    BLACK,
    'eyebrow002',
    12,
  ),
  person(
    'p06-young-asian-male',
    'male',
    22,
    'asian',
    0.4,
    0.3,
    0.45,
    'short03',
    BLACK,
    'eyebrow006',
    9,
  ),
  person(
    'p07-old-african-female',
    'female',
    66,
    'african',
    0.35,
    0.75,
    0.4,
    'bob01',
    GREY,
    'eyebrow011',
    15,
  ),
  person(
    'p08-middle-caucasian-female',
    'female',
    51,
    'caucasian',
    0.6,
    0.6,
    0.5,
    'ponytail01',
    DARK,
    'eyebrow005',
    11,
  ),
  person(
    'p09-old-asian-female',
    'female',
    71,
    'asian',
    0.25,
    0.45,
    0.35,
    'short03',
    GREY,
    'eyebrow012',
    18,
  ),
  person(
    'p10-young-caucasian-female',
    'female',
    30,
    'caucasian',
    0.5,
    0.35,
    0.55,
    'long01',
    NATURAL,
    'eyebrow003',
    7,
  ),
];

const shoes = (n: number): OutfitSpec['garments'][number] => ({
  proxy: `shoes0${n}`,
  tint: [1, 1, 1],
});

/**
 * Outfits from MakeHuman's own clothes (see studio/README.md for each asset). Each proxy is one
 * texture for top and bottom together, so a tint would recolour both: only the sportswear (a blue
 * top over black leggings) is tinted, its top turning violet. MakeHuman ships no hoodie: a loose zip-up
 * jacket stands in for one (no hood).
 */
export const OUTFITS: readonly OutfitSpec[] = [
  {
    id: 'o1-fitted-sportswear',
    description: 'fitted sportswear: crop top and black leggings, trainers',
    garments: [{ proxy: 'female_sportsuit01', tint: [1, 0.72, 0.9] }, shoes(6)],
  },
  {
    id: 'o2-loose-tshirt-jeans',
    description: 'loose white T-shirt and jeans, trainers',
    garments: [{ proxy: 'male_casualsuit05', tint: [1, 1, 1] }, shoes(5)],
  },
  {
    id: 'o3-jacket-jeans',
    description: 'loose zip-up jacket over a shirt (hoodie stand-in, no hood) and jeans, trainers',
    garments: [{ proxy: 'male_casualsuit06', tint: [1, 1, 1] }, shoes(6)],
  },
  {
    id: 'o4-tshirt-shorts',
    description: 'T-shirt and denim shorts, trainers',
    garments: [{ proxy: 'female_casualsuit02', tint: [1, 1, 1] }, shoes(5)],
  },
  {
    id: 'o5-tshirt-jeans',
    description: 'blue T-shirt and jeans, trainers',
    garments: [{ proxy: 'female_casualsuit01', tint: [1, 1, 1] }, shoes(6)],
  },
  {
    id: 'o6-overalls',
    description: 'work overalls over a T-shirt, leather shoes',
    garments: [{ proxy: 'male_worksuit01', tint: [1, 1, 1] }, shoes(1)],
  },
];
