import type { StretchDefinition, StretchDefinitionInput } from '../stretchDefinition';
import { validateStretchDefinition } from '../validateStretchDefinition';
import { sciaticNerveGlide } from './sciaticNerveGlide';
import { seatedLongSit } from './seatedLongSit';
import { standingHamstring } from './standingHamstring';
import { supineStrap } from './supineStrap';

/**
 * Every stretch the app offers, validated once at load. To add a stretch, add its data file and
 * one line here; nothing else switches on stretch ids.
 */
export const STRETCHES: readonly StretchDefinition[] = buildRegistry([
  standingHamstring,
  seatedLongSit,
  supineStrap,
  sciaticNerveGlide,
]);

/** Validates every stretch and rejects a duplicate id (routines and reports key on it). */
export function buildRegistry(inputs: readonly StretchDefinitionInput[]): StretchDefinition[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    if (seen.has(input.id)) throw new Error(`Two stretches share the id "${input.id}".`);
    seen.add(input.id);
    return validateStretchDefinition(input);
  });
}

/** The nerve glide the symptom check offers when a stretch brought on tingling or pain. */
export const NERVE_GLIDE_ID = 'sciatic-nerve-glide';

export function findStretch(id: string): StretchDefinition | undefined {
  return STRETCHES.find((stretch) => stretch.id === id);
}

export function stretchById(id: string): StretchDefinition {
  const stretch = findStretch(id);
  if (stretch === undefined) throw new Error(`Unknown stretch "${id}"`);
  return stretch;
}
