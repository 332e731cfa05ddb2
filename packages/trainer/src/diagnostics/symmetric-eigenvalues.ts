/**
 * The eigenvalues of a real symmetric n x n matrix (row-major), descending: Householder
 * reduction to tridiagonal form, then the implicit QL method (Numerical Recipes' tred2 and
 * tqli, eigenvalues only). O(n^3) with a small constant: about 20 ms for n = 256 in plain JS,
 * which is what one epoch's embedding diagnostics can afford (tfjs has no eigensolver).
 */
export function symmetricEigenvalues(matrix: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(a, n, d, e);
  diagonalize(d, e, n);
  return d.sort().reverse();
}

function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[i * n + k] ?? 0);
      if (scale === 0) {
        e[i] = a[i * n + l] ?? 0;
      } else {
        for (let k = 0; k <= l; k++) {
          a[i * n + k] = (a[i * n + k] ?? 0) / scale;
          h += (a[i * n + k] ?? 0) ** 2;
        }
        const f = a[i * n + l] ?? 0;
        const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[i * n + l] = f - g;
        let ff = 0;
        for (let j = 0; j <= l; j++) {
          let gg = 0;
          for (let k = 0; k <= j; k++) gg += (a[j * n + k] ?? 0) * (a[i * n + k] ?? 0);
          for (let k = j + 1; k <= l; k++) gg += (a[k * n + j] ?? 0) * (a[i * n + k] ?? 0);
          e[j] = gg / h;
          ff += (e[j] ?? 0) * (a[i * n + j] ?? 0);
        }
        const hh = ff / (h + h);
        for (let j = 0; j <= l; j++) {
          const fj = a[i * n + j] ?? 0;
          const gj = (e[j] ?? 0) - hh * fj;
          e[j] = gj;
          for (let k = 0; k <= j; k++)
            a[j * n + k] = (a[j * n + k] ?? 0) - (fj * (e[k] ?? 0) + gj * (a[i * n + k] ?? 0));
        }
      }
    } else {
      e[i] = a[i * n + l] ?? 0;
    }
    d[i] = h;
  }
  e[0] = 0;
  for (let i = 0; i < n; i++) d[i] = a[i * n + i] ?? 0;
}

function diagonalize(d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i] ?? 0;
  e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    for (let iteration = 0; ; iteration++) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m] ?? 0) + Math.abs(d[m + 1] ?? 0);
        if (Math.abs(e[m] ?? 0) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (iteration === 60) throw new Error('symmetricEigenvalues: no convergence');
      let g = ((d[l + 1] ?? 0) - (d[l] ?? 0)) / (2 * (e[l] ?? 0));
      let r = Math.hypot(g, 1);
      g = (d[m] ?? 0) - (d[l] ?? 0) + (e[l] ?? 0) / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        let f = s * (e[i] ?? 0);
        const b = c * (e[i] ?? 0);
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] = (d[i + 1] ?? 0) - p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = (d[i + 1] ?? 0) - p;
        r = ((d[i] ?? 0) - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = 0;
      }
      if (r === 0 && i >= l) continue;
      d[l] = (d[l] ?? 0) - p;
      e[l] = g;
      e[m] = 0;
    }
  }
}
