// number-format.ts — floats to text exactly as C's printf does it (glibc on Linux).
//
// Lua prints floats with "%.14g" (LUAI_NUMFFORMAT) and string.format passes its float
// conversions to the C library, so moonlet must reproduce glibc's output digit for digit.
// TODO(#3): exact ties (round-half-even) and the full printf engine.

/** C's `sprintf("%.14g", x)` for a finite or infinite double (NaN is handled by the caller). */
export function formatFloat14(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const e = x.toExponential(13);
  const ePos = e.indexOf('e');
  const exp = Number(e.slice(ePos + 1));
  if (exp < -4 || exp >= 14) {
    let mant = e.slice(0, ePos);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const sign = exp < 0 ? '-' : '+';
    const a = Math.abs(exp);
    return `${mant}e${sign}${a < 10 ? '0' + a : a}`;
  }
  let f = x.toFixed(13 - exp);
  if (f.includes('.')) f = f.replace(/0+$/, '').replace(/\.$/, '');
  return f;
}
