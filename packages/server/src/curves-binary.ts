/**
 * The curves answer in binary (`/curves?format=binary`), for the dashboard: typed arrays the page
 * draws from without parsing a number, a third the size of the JSON. Shared by the server (encode)
 * and the page (decode); no Node or DOM types. Little-endian, every array aligned to 4 bytes:
 *
 *   u32 header length H | H bytes of JSON header {metrics, points, count, total}, space-padded
 *   i32 trialId[count] | i32 metric[count] (index into metrics) | i32 recorded[count]
 *   i32 offset[count + 1] (curve k is points offset[k] to offset[k + 1])
 *   f32 step[total] | f32 value[total] (NaN for NaN; infinities kept) | f32 elapsed[total] (s)
 */
export interface BinaryCurve {
  readonly trialId: number;
  readonly metric: string;
  /** Points logged before thinning. */
  readonly recorded: number;
  readonly steps: Float32Array;
  readonly values: Float32Array;
  /** Seconds since the trial's attempt started. */
  readonly elapsed: Float32Array;
}

export interface BinaryCurves {
  readonly metrics: readonly string[];
  /** Most points per curve in this answer (curves were thinned to it). */
  readonly points: number;
  readonly curves: readonly BinaryCurve[];
}

/** What encode takes: any curve with array-like columns. */
export interface CurveColumns {
  readonly trialId: number;
  readonly name: string;
  readonly recorded: number;
  readonly steps: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly elapsed: ArrayLike<number>;
}

export function encodeCurves(
  metrics: readonly string[],
  points: number,
  curves: readonly CurveColumns[],
): Uint8Array {
  const count = curves.length;
  const total = curves.reduce((n, c) => n + c.steps.length, 0);
  let header = JSON.stringify({ metrics, points, count, total });
  header += ' '.repeat((4 - (new TextEncoder().encode(header).length % 4)) % 4);
  const head = new TextEncoder().encode(header);
  const bytes = 4 + head.length + 4 * (4 * count + 1) + 12 * total;
  const buffer = new ArrayBuffer(bytes);
  new DataView(buffer).setUint32(0, head.length, true);
  new Uint8Array(buffer, 4, head.length).set(head);
  const { trialIds, metricIndex, recorded, offsets, steps, values, elapsed } = columns(
    buffer,
    4 + head.length,
    count,
    total,
  );
  let offset = 0;
  curves.forEach((c, k) => {
    trialIds[k] = c.trialId;
    metricIndex[k] = metrics.indexOf(c.name);
    recorded[k] = c.recorded;
    offsets[k] = offset;
    steps.set(c.steps, offset);
    values.set(c.values, offset);
    elapsed.set(c.elapsed, offset);
    offset += c.steps.length;
  });
  offsets[count] = offset;
  return new Uint8Array(buffer);
}

export function decodeCurves(buffer: ArrayBuffer): BinaryCurves {
  const headLength = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headLength))) as {
    metrics: string[];
    points: number;
    count: number;
    total: number;
  };
  const { count, total } = header;
  const { trialIds, metricIndex, recorded, offsets, steps, values, elapsed } = columns(
    buffer,
    4 + headLength,
    count,
    total,
  );
  const curves: BinaryCurve[] = [];
  for (let k = 0; k < count; k++) {
    const from = offsets[k] ?? 0;
    const to = offsets[k + 1] ?? from;
    curves.push({
      trialId: trialIds[k] ?? -1,
      metric: header.metrics[metricIndex[k] ?? -1] ?? '',
      recorded: recorded[k] ?? 0,
      steps: steps.subarray(from, to),
      values: values.subarray(from, to),
      elapsed: elapsed.subarray(from, to),
    });
  }
  return { metrics: header.metrics, points: header.points, curves };
}

/** The arrays of an answer, laid out one after another from byte `at` (views, no copies). */
function columns(buffer: ArrayBuffer, at: number, count: number, total: number) {
  const next = <T>(Kind: new (b: ArrayBuffer, at: number, n: number) => T, n: number): T => {
    const array = new Kind(buffer, at, n);
    at += 4 * n;
    return array;
  };
  return {
    trialIds: next(Int32Array, count),
    metricIndex: next(Int32Array, count),
    recorded: next(Int32Array, count),
    offsets: next(Int32Array, count + 1),
    steps: next(Float32Array, total),
    values: next(Float32Array, total),
    elapsed: next(Float32Array, total),
  };
}
