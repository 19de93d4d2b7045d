/**
 * A branded unit: a `Degrees` value cannot be passed where pixels or a plain ratio are expected
 * by accident. Make one with `degrees()`; read it as a plain number.
 */
export type Degrees = number & { readonly __unit: 'deg' };

export function degrees(value: number): Degrees {
  return value as Degrees;
}
