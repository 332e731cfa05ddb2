/**
 * Cumulative distribution functions that the model-based search needs to move between a
 * parameter's values and the unit interval (its CDF), and log densities of the normal.
 */

/** The standard normal CDF, from erfc. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** log of the standard normal CDF, accurate far into the lower tail. */
export function logNormalCdf(z: number): number {
  if (z > -37) return Math.log(normalCdf(z)); // normalCdf is exact to ~1e-15 relative here
  // Asymptotic series of Mills' ratio: Phi(z) ~ phi(z) / -z * (1 - 1/z^2 + 3/z^4 - 15/z^6)
  const z2 = z * z;
  return (
    -0.5 * z2 -
    Math.log(-z) -
    0.5 * Math.log(2 * Math.PI) +
    Math.log(1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2))
  );
}

/** log of the standard normal density. */
export function logNormalPdf(z: number): number {
  return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
}

/** The complementary error function: Numerical Recipes' Chebyshev fit (erfccheb, ~1e-16 relative). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COEFFICIENTS.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (ERFC_COEFFICIENTS[j] ?? 0);
    dd = tmp;
  }
  const result = t * Math.exp(-z * z + 0.5 * ((ERFC_COEFFICIENTS[0] ?? 0) + ty * d) - dd);
  return x >= 0 ? result : 2 - result;
}

// Numerical Recipes 3rd ed., Erf::erfccheb coefficients (accurate to about 1.2e-16).
/* eslint-disable no-loss-of-precision */
const ERFC_COEFFICIENTS = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
  -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6,
  1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10,
  -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13,
  3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];
/* eslint-enable no-loss-of-precision */

/** The regularized incomplete beta function I_x(a, b): the CDF of Beta(a, b) at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The quantile of Beta(a, b): the x with betaCdf(x) = p, by bisection (60 halvings: below 1e-17). */
export function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Lentz's method for the continued fraction of I_x(a, b) (Numerical Recipes' betacf). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** log Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const y = x - 1;
  let sum = c[0] ?? 0;
  for (let i = 1; i < g + 2; i++) sum += (c[i] ?? 0) / (y + i);
  const t = y + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}
