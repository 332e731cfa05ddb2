import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import * as tf from './tf.js';

describe('chained ops (tensor.mul(b) for tf.mul(tensor, b))', () => {
  it('are all there: every one tfjs-core lists in register_all_chained_ops', () => {
    // tfjs-core names one module per chained op (arg_max.js -> argMax); its loader cannot run
    // in Node, but its list is the reference.
    const core = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/package.json'));
    const list = readFileSync(join(core, 'dist/public/chained_ops/register_all_chained_ops.js'), 'utf8');
    const names = [...list.matchAll(/import '\.\/(\w+)'/g)].map((m) => m[1] ?? '');
    assert.ok(names.length > 100);
    const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
    const camel = (file: string) => file.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const missing = names.filter((file) => {
      const name = camel(file);
      const variants = [
        name,
        name.replace(/(\d)d$/, '$1D'),
        name.replace(/Nd$/, 'ND'),
        name.replace(/norm$/, 'Norm'),
        name.replace(/Nan$/, 'NaN'),
      ];
      return !variants.some((v) => typeof proto[v] === 'function');
    });
    assert.deepEqual(missing, []);
  });

  it('compute what the ops compute, and refuse a disposed tensor', () => {
    const x = tf.tensor1d([1, 2, 3]);
    assert.deepEqual(Array.from(x.mul(2).add(1).dataSync()), [3, 5, 7]);
    assert.deepEqual(Array.from(x.toInt().as2D(1, 3).dataSync()), [1, 2, 3]);
    assert.equal(x.mean().dataSync()[0], 2);
    x.dispose();
    assert.throws(() => x.mul(2), /disposed/);
  });
});
