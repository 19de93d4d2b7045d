/**
 * Branded units: a `Degrees` value cannot be passed where radians or pixels are expected by
 * accident. Make them with `degrees()` / `radians()`; read them as plain numbers.
 */
export type Degrees = number & { readonly __unit: 'deg' };
export type Radians = number & { readonly __unit: 'rad' };

export function degrees(value: number): Degrees {
  return value as Degrees;
}

export function radians(value: number): Radians {
  return value as Radians;
}

export function radiansToDegrees(value: Radians): Degrees {
  return degrees((value * 180) / Math.PI);
}

export function degreesToRadians(value: Degrees): Radians {
  return radians((value * Math.PI) / 180);
}
