import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { parseSweepJson } from './parse-sweep-json.js';
import { validateSweep } from './validate-sweep.js';

const base = { method: 'grid', dataset: { source: 'synthetic' } } as const;

/** Validates JSON text (so 1 and 1.0 are told apart) and returns the issues as "path: message". */
function problems(text: string): string[] {
  try {
    validateSweep(parseSweepJson(text));
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

function sweep(overrides: Record<string, unknown>): string {
  return JSON.stringify({ ...base, ...overrides });
}

describe('validateSweep: defaults', () => {
  it('fills W&B and embsweep defaults', () => {
    const spec = validateSweep({ ...base, parameters: { dropout: { values: [0, 0.5] } } });
    assert.deepEqual(spec.metric, { name: 'val_loss', goal: 'minimize' });
    assert.deepEqual(spec.seeds, [0]);
    assert.equal(spec.search_seed, 0);
    assert.equal(spec.schema_version, 1);
    assert.equal(spec.model, 'embedding-classifier');
    assert.deepEqual(spec.execution, { max_retries: 0, backend: 'auto' });
    assert.equal(spec.dataset.validation_split, 0.2);
    assert.deepEqual(spec.parameters['dropout'], { distribution: 'categorical', values: [0, 0.5] });
    assert.equal(spec.diagnostics, true, 'the embedding is measured unless the file says not');
    const off = validateSweep({ ...base, diagnostics: false, parameters: { dropout: { values: [0] } } });
    assert.equal(off.diagnostics, false);
    assert.throws(
      () => validateSweep({ ...base, diagnostics: 'no', parameters: { dropout: { values: [0] } } }),
      /diagnostics:/,
    );
  });

  it('fills the distribution defaults of W&B schema.json (mu 0, sigma 1, q 1, a 1, b 1, eta 3, strict true)', () => {
    const spec = validateSweep({
      method: 'random',
      run_cap: 1,
      model: './custom.js',
      dataset: { source: 'synthetic' },
      parameters: {
        n: { distribution: 'normal' },
        qn: { distribution: 'q_normal' },
        b: { distribution: 'beta' },
        qu: { distribution: 'q_uniform', min: 0, max: 10 },
      },
      early_terminate: { type: 'hyperband', min_iter: 1 },
    });
    assert.deepEqual(spec.parameters['n'], { distribution: 'normal', mu: 0, sigma: 1 });
    assert.deepEqual(spec.parameters['qn'], { distribution: 'q_normal', mu: 0, sigma: 1, q: 1 });
    assert.deepEqual(spec.parameters['b'], { distribution: 'beta', a: 1, b: 1 });
    assert.deepEqual(spec.parameters['qu'], { distribution: 'q_uniform', min: 0, max: 10, q: 1 });
    assert.deepEqual(spec.early_terminate, { type: 'hyperband', min_iter: 1, eta: 3, strict: true });
  });

  it('fills Optuna MedianPruner defaults (5, 0, 1, n_min_trials 1)', () => {
    const spec = validateSweep({
      ...base,
      parameters: { l2: { value: 0 } },
      early_terminate: { type: 'median' },
    });
    assert.deepEqual(spec.early_terminate, {
      type: 'median',
      n_startup_trials: 5,
      n_warmup_steps: 0,
      interval_steps: 1,
      n_min_trials: 1,
    });
  });

  it('infers the file format of a file data set from its extension', () => {
    const spec = validateSweep({
      ...base,
      parameters: { l2: { value: 0 } },
      dataset: { source: 'file', path: 'x.jsonl' },
    });
    assert.equal(spec.dataset.source === 'file' && spec.dataset.format, 'jsonl');
  });
});

describe('validateSweep: W&B parameter forms', () => {
  const form = (text: string) => {
    const spec = validateSweep(
      parseSweepJson(
        `{"method":"random","run_cap":1,"model":"./m.js","dataset":{"source":"synthetic"},"parameters":{"p":${text}}}`,
      ),
    );
    return spec.parameters['p'];
  };

  it('reads integer-literal bounds as int_uniform and real-literal bounds as uniform', () => {
    assert.deepEqual(form('{"min": 1, "max": 10}'), { distribution: 'int_uniform', min: 1, max: 10 });
    assert.deepEqual(form('{"min": 1.0, "max": 10}'), { distribution: 'uniform', min: 1, max: 10 });
    assert.deepEqual(form('{"min": 0, "max": 1e1}'), { distribution: 'uniform', min: 0, max: 10 });
    assert.deepEqual(form('{"min": 0, "max": 0.5}'), { distribution: 'uniform', min: 0, max: 0.5 });
  });

  it('treats an integral number as an integer when given a plain object (no literals to read)', () => {
    const spec = validateSweep({
      method: 'random',
      run_cap: 1,
      model: './m.js',
      dataset: { source: 'synthetic' },
      parameters: { p: { min: 1, max: 10 } },
    });
    assert.equal(
      spec.parameters['p'] && 'distribution' in spec.parameters['p'] && spec.parameters['p'].distribution,
      'int_uniform',
    );
  });

  it('reads value as constant, values as categorical, values+probabilities as weighted categorical', () => {
    assert.deepEqual(form('{"value": "adam"}'), { distribution: 'constant', value: 'adam' });
    assert.deepEqual(form('{"values": [1, 2]}'), { distribution: 'categorical', values: [1, 2] });
    assert.deepEqual(form('{"values": [1, 2], "probabilities": [0.25, 0.75]}'), {
      distribution: 'categorical',
      values: [1, 2],
      probabilities: [0.25, 0.75],
    });
  });

  it('accepts every W&B distribution name', () => {
    for (const d of [
      'uniform',
      'q_uniform',
      'log_uniform_values',
      'q_log_uniform_values',
      'inv_log_uniform_values',
    ]) {
      assert.equal(
        (form(`{"distribution": "${d}", "min": 0.5, "max": 2}`) as { distribution: string }).distribution,
        d,
      );
    }
    for (const d of ['normal', 'q_normal', 'log_normal', 'q_log_normal', 'beta', 'q_beta']) {
      assert.equal((form(`{"distribution": "${d}"}`) as { distribution: string }).distribution, d);
    }
    assert.equal(
      (form('{"distribution": "int_uniform", "min": 1, "max": 3}') as { distribution: string }).distribution,
      'int_uniform',
    );
    assert.equal(
      (form('{"distribution": "constant", "value": 3}') as { distribution: string }).distribution,
      'constant',
    );
    assert.equal(
      (
        form('{"distribution": "categorical_w_probabilities", "values": [1], "probabilities": [1]}') as {
          distribution: string;
        }
      ).distribution,
      'categorical',
    );
  });

  it('keeps nested parameter groups', () => {
    assert.deepEqual(form('{"parameters": {"lr": {"value": 0.1}, "name": {"values": ["a"]}}}'), {
      parameters: {
        lr: { distribution: 'constant', value: 0.1 },
        name: { distribution: 'categorical', values: ['a'] },
      },
    });
  });
});

describe('validateSweep: problems, each with its JSON path', () => {
  it('reports the example of the issue: parameters.dropout.max: must be <= 1', () => {
    assert.deepEqual(
      problems(sweep({ method: 'random', run_cap: 2, parameters: { dropout: { min: 0.0, max: 1.5 } } })),
      ['parameters.dropout.max: must be <= 1'],
    );
  });

  it('reports every problem at once, not only the first', () => {
    const found = problems(
      JSON.stringify({
        method: 'grid',
        metirc: { name: 'val_loss' },
        run_cap: 0,
        dataset: { source: 'synthtic' },
        parameters: {
          embeding_dim: { values: [8] },
          lr: { values: [0.1] },
          l2: { min: 0, max: 1, distribution: 'uniform' },
        },
      }),
    );
    assert.deepEqual(found.sort(), [
      'dataset.source: unknown source `synthtic`; did you mean `synthetic`?',
      'metirc: unknown key `metirc`; did you mean `metric`?',
      'parameters.embeding_dim: unknown parameter `embeding_dim`; did you mean `embedding_dim`?',
      'parameters.l2: grid search needs a finite set of values, but `uniform` is continuous; use values, int_uniform or q_uniform, or method "random"',
      'parameters.lr: unknown parameter `lr`; did you mean `learning_rate`?',
      'run_cap: must be > 0',
    ]);
  });

  it('refuses an int_uniform range that includes the excluded end of dropout, and says why', () => {
    const [problem] = problems(
      sweep({ method: 'random', run_cap: 1, parameters: { dropout: { min: 0, max: 1 } } }),
    );
    assert.match(problem ?? '', /^parameters\.dropout\.max: must be < 1 \(this distribution draws 1 itself/);
  });

  it('refuses reals for an integer parameter and unbounded draws for a bounded one', () => {
    const realBounds =
      '{"method":"random","run_cap":1,"dataset":{"source":"synthetic"},"parameters":{"embedding_dim":{"min":8.0,"max":64}}}';
    assert.deepEqual(problems(realBounds), [
      'parameters.embedding_dim.distribution: embedding_dim must be an integer, but `uniform` draws reals; use int_uniform (integer min/max), q_uniform with an integer q, or values',
    ]);
    assert.match(
      problems(sweep({ method: 'random', run_cap: 1, parameters: { l2: { distribution: 'normal' } } }))[0] ??
        '',
      /^parameters\.l2\.distribution: this distribution can draw any value below 0/,
    );
    assert.deepEqual(problems(sweep({ parameters: { embedding_dim: { values: [8, 0, 2.5] } } })), [
      'parameters.embedding_dim.values[1]: must be >= 1',
      'parameters.embedding_dim.values[2]: must be an integer',
    ]);
    assert.deepEqual(problems(sweep({ parameters: { optimizer: { values: ['adam', 'adamw'] } } })), [
      'parameters.optimizer.values[1]: must be one of "adam", "sgd", "rmsprop"',
    ]);
  });

  it('applies W&B rules: min < max, probabilities match and sum to 1, keys of the form only', () => {
    assert.deepEqual(
      problems(sweep({ parameters: { l2: { min: 0.5, max: 0.5, distribution: 'q_uniform', q: 0.1 } } })),
      ['parameters.l2.max: must be greater than min (0.5); got 0.5'],
    );
    assert.deepEqual(
      problems(
        sweep({ method: 'random', run_cap: 1, parameters: { l2: { values: [0, 1], probabilities: [0.5] } } }),
      ),
      ['parameters.l2.probabilities: must have one probability per value (2); got 1'],
    );
    assert.deepEqual(
      problems(
        sweep({
          method: 'random',
          run_cap: 1,
          parameters: { l2: { values: [0, 1], probabilities: [0.5, 0.6] } },
        }),
      ),
      ['parameters.l2.probabilities: must sum to 1; they sum to 1.1'],
    );
    assert.deepEqual(problems(sweep({ parameters: { l2: { values: [0], mu: 1 } } })), [
      'parameters.l2.mu: unknown key `mu`; expected one of: values, probabilities, distribution',
    ]);
    assert.deepEqual(
      problems(
        sweep({
          method: 'random',
          run_cap: 1,
          parameters: { l2: { distribution: 'log_uniform_values', min: 0, max: 1 } },
        }),
      ),
      ['parameters.l2.min: must be > 0'],
    );
  });

  it('refuses int_uniform bounds written as reals, as W&B does', () => {
    assert.deepEqual(
      problems(
        `{"method":"grid","dataset":{"source":"synthetic"},"parameters":{"epochs":{"distribution":"int_uniform","min":1.0,"max":3}}}`,
      ),
      ['parameters.epochs.min: int_uniform takes integer bounds; write 1 without a decimal point'],
    );
  });

  it('names deprecated and misspelt distributions', () => {
    assert.match(
      problems(
        sweep({
          method: 'random',
          run_cap: 1,
          parameters: { l2: { distribution: 'log_uniform', min: -5, max: 0 } },
        }),
      )[0] ?? '',
      /log_uniform_values/,
    );
    assert.deepEqual(
      problems(
        sweep({
          method: 'random',
          run_cap: 1,
          parameters: { l2: { distribution: 'unifrom', min: 0, max: 1 } },
        }),
      ),
      ['parameters.l2.distribution: unknown distribution `unifrom`; did you mean `uniform`?'],
    );
  });

  it('applies the grid rule of W&B: no continuous forms, no probabilities', () => {
    assert.deepEqual(problems(sweep({ parameters: { l2: { values: [0, 1], probabilities: [0.5, 0.5] } } })), [
      'parameters.l2.probabilities: grid search tries every value; probabilities are for random search',
    ]);
  });

  it('needs run_cap for random search, and a non-empty hyperband schedule', () => {
    assert.deepEqual(problems(sweep({ method: 'random', parameters: { l2: { value: 0 } } })), [
      'run_cap: required by random search: how many trials to run in all (seeds included)',
    ]);
    assert.deepEqual(
      problems(
        sweep({
          parameters: { l2: { value: 0 } },
          early_terminate: { type: 'hyperband', max_iter: 2, s: 1, eta: 3 },
        }),
      ),
      [
        'early_terminate: these settings give no band of 1 iteration or more; increase s, decrease eta, or increase min_iter',
      ],
    );
    assert.deepEqual(
      problems(
        sweep({ parameters: { l2: { value: 0 } }, early_terminate: { type: 'hyperband', max_iter: 27 } }),
      ),
      ['early_terminate: hyperband needs `min_iter`, or `max_iter` together with `s`'],
    );
    assert.deepEqual(
      problems(
        sweep({
          parameters: { l2: { value: 0 } },
          early_terminate: { type: 'hyperband', min_iter: 1, eta: 1 },
        }),
      ),
      ['early_terminate.eta: must be > 1'],
    );
  });

  it('explains W&B keys that have no meaning here and methods that do not exist yet', () => {
    assert.deepEqual(problems(sweep({ parameters: { l2: { value: 0 } }, program: 'train.py' })), [
      'program: `program` is a W&B key that embsweep does not use: the trainer is built in and runs locally',
    ]);
    assert.deepEqual(problems(sweep({ method: 'hyperopt', parameters: { l2: { value: 0 } } })), [
      'method: must be one of "grid", "random", "bayes"; got `"hyperopt"` (string)',
    ]);
  });

  it('refuses a file written for a newer embsweep, saying so', () => {
    assert.deepEqual(problems(sweep({ schema_version: 2, parameters: { l2: { value: 0 } } })), [
      'schema_version: this file is written for a newer embsweep (schema_version 2; this one reads 1); upgrade embsweep',
    ]);
  });

  it('requires what has no default, with an example', () => {
    assert.deepEqual(problems('{"method": "grid"}').sort(), [
      'dataset: required, e.g. {"source": "synthetic"}',
      'parameters: required: the search space, e.g. {"dropout": {"values": [0, 0.5]}}',
    ]);
  });

  it('checks metrics of the built-in model and the data split', () => {
    assert.deepEqual(
      problems(sweep({ parameters: { l2: { value: 0 } }, metric: { name: 'val_accuracy' } })),
      ['metric.name: unknown metric `val_accuracy`; did you mean `val_acc`?'],
    );
    assert.deepEqual(
      problems(
        sweep({
          parameters: { l2: { value: 0 } },
          dataset: { source: 'synthetic', validation_split: 0.5, test_split: 0.5 },
        }),
      ),
      ['dataset.test_split: validation_split + test_split must leave some data to train on (< 1)'],
    );
  });

  it('lets a custom model take any parameter name and nested groups', () => {
    assert.deepEqual(
      problems(
        sweep({
          model: './my-model.js',
          parameters: { my_knob: { values: [1] }, opt: { parameters: { lr: { value: 1 } } } },
        }),
      ),
      [],
    );
    assert.deepEqual(problems(sweep({ parameters: { opt: { parameters: { lr: { value: 1 } } } } })), [
      'parameters.opt: nested parameter groups are passed to a custom `model` only; the built-in model takes flat parameters',
    ]);
  });
});

describe('parseSweepJson', () => {
  it('says where a syntax error is', () => {
    assert.throws(() => parseSweepJson('{\n  "method": "grid",\n  "x": }'), /line 3, column 8/);
  });

  it('refuses a key given twice, which JSON.parse would silently resolve', () => {
    assert.throws(() => parseSweepJson('{"method": "grid", "method": "random"}'), /Duplicate key 'method'/);
  });

  it('records which numbers were written as reals', () => {
    const parsed = parseSweepJson('{"a": [1, 1.0, 2e3], "b": {"c": 0.5}}');
    assert.deepEqual([...parsed.realLiteralPaths].sort(), ['a[1]', 'a[2]', 'b.c']);
    assert.deepEqual(parsed.value, { a: [1, 1, 2000], b: { c: 0.5 } });
  });

  it('accepts a byte-order mark', () => {
    assert.deepEqual(parseSweepJson('\ufeff{"a": 1}').value, { a: 1 });
  });
});

describe('validateSweep: names that JavaScript treats specially', () => {
  const params = '{"dropout": {"values": [0, 0.5]}}';
  it('reports a top-level __proto__ key at its own path, and a sweep hidden inside one', () => {
    assert.ok(
      problems(
        `{"method": "grid", "dataset": {"source": "synthetic"}, "parameters": ${params}, "__proto__": {"x": 1}}`,
      ).some((p) => p.startsWith('__proto__: unknown key')),
    );
    const hidden = problems(
      `{"__proto__": {"method": "grid", "dataset": {"source": "synthetic"}, "parameters": ${params}}}`,
    );
    assert.ok(
      hidden.some((p) => p.startsWith('__proto__: unknown key')),
      hidden.join('\n'),
    );
    assert.ok(
      hidden.some((p) => p.startsWith('method: required')),
      hidden.join('\n'),
    );
  });

  it('refuses __proto__, constructor and prototype as parameter names, and __proto__ inside a parameter', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const found = problems(
        sweep({
          model: './m.js',
          parameters: JSON.parse(`{"${name}": {"values": [1]}, "a": {"values": [1]}}`) as unknown,
        }),
      );
      assert.ok(
        found.some((p) => p.startsWith(`parameters.${name}: \`${name}\` cannot name a parameter`)),
        found.join('\n'),
      );
    }
    const inside = problems(
      `{"method": "grid", "dataset": {"source": "synthetic"}, "parameters": {"dropout": {"values": [0], "__proto__": {"min": 0}}}}`,
    );
    assert.ok(
      inside.some((p) => p.startsWith('parameters.dropout.__proto__: unknown key')),
      inside.join('\n'),
    );
  });

  it('treats "toString" as a name like any other in tagged objects and hints', () => {
    assert.ok(
      problems(sweep({ parameters: { dropout: { values: [0] } }, dataset: { source: 'toString' } })).some(
        (p) => p.startsWith('dataset.source: unknown source'),
      ),
    );
    assert.ok(
      problems(sweep({ parameters: { dropout: { distribution: 'toString', values: [0] } } })).some((p) =>
        p.startsWith('parameters.dropout.distribution: unknown distribution'),
      ),
    );
    assert.ok(
      problems(sweep({ parameters: { dropout: { values: [0] } }, toString: 1 })).some(
        (p) => p === 'toString: unknown key `toString`' || p.startsWith('toString: unknown key'),
      ),
    );
  });
});

describe('validateSweep: W&B semantics at the edges', () => {
  it('checks a grid against the values it really tries: q_uniform leaves max out', () => {
    const grid = problems(
      sweep({ parameters: { dropout: { distribution: 'q_uniform', min: 0, max: 1, q: 0.25 } } }),
    );
    assert.deepEqual(grid, []);
    // Random search can round a draw near max up to max itself: refused, with a fix that works.
    const random = problems(
      sweep({
        method: 'random',
        run_cap: 3,
        parameters: { dropout: { distribution: 'q_uniform', min: 0, max: 1, q: 0.25 } },
      }),
    );
    assert.deepEqual(random, [
      'parameters.dropout.max: must be < 1 (rounding to q can give 1 itself); move max so that no value rounds onto 1',
    ]);
    assert.deepEqual(
      problems(
        sweep({
          method: 'random',
          run_cap: 3,
          parameters: { dropout: { distribution: 'q_uniform', min: 0, max: 0.85, q: 0.25 } },
        }),
      ),
      [],
    );
    // A grid whose values reach an excluded bound says so in the grid's terms.
    assert.deepEqual(
      problems(sweep({ parameters: { dropout: { distribution: 'q_uniform', min: 0, max: 1.1, q: 0.25 } } })),
      [
        "parameters.dropout.max: must be < 1 (the grid tries 1 itself); move max so that the grid's values stay inside",
      ],
    );
  });

  it('counts a huge or over-fine quantized grid arithmetically, and refuses what cannot be enumerated', () => {
    const fine = { method: 'grid', dataset: { source: 'synthetic' }, model: './m.js' };
    const started = process.hrtime.bigint();
    assert.deepEqual(
      problems(
        JSON.stringify({
          ...fine,
          parameters: { x: { distribution: 'q_uniform', min: 0, max: 0.5, q: 1e-12 } },
        }),
      ),
      [],
    );
    assert.ok(process.hrtime.bigint() - started < 5_000_000_000n, 'no enumeration'); // generous: seconds, not minutes
    assert.match(
      problems(
        JSON.stringify({
          ...fine,
          parameters: { x: { distribution: 'q_uniform', min: 0, max: 1, q: 1e-17 } },
        }),
      )[0] ?? '',
      /^parameters\.x\.q: q 1e-17 .*(more than can be counted exactly|too small)/,
    );
    assert.match(
      problems(
        JSON.stringify({
          ...fine,
          parameters: { x: { distribution: 'q_uniform', min: 1e6, max: 1e6 + 1, q: 1e-11 } },
        }),
      )[0] ?? '',
      /^parameters\.x\.q: q 1e-11 is too small for values near 1000001/,
    );
    assert.match(
      problems(
        JSON.stringify({
          ...fine,
          parameters: { a: { min: 1, max: 1e6 }, b: { min: 1, max: 1e6 }, c: { min: 1, max: 1e6 } },
        }),
      )[0] ?? '',
      /^parameters: the grid has about 1\.00e\+18 cells, more than can be counted exactly/,
    );
  });

  it('refuses what W&B refuses: weighted categorical without probabilities, plain categorical with them, hyperband min_iter with max_iter but no s', () => {
    assert.deepEqual(
      problems(
        sweep({
          method: 'random',
          run_cap: 2,
          model: './m.js',
          parameters: { a: { distribution: 'categorical_w_probabilities', values: [1, 2] } },
        }),
      ),
      [
        'parameters.a.probabilities: required by categorical_w_probabilities: one probability per value, summing to 1',
      ],
    );
    assert.deepEqual(
      problems(
        sweep({
          method: 'random',
          run_cap: 2,
          model: './m.js',
          parameters: { a: { distribution: 'categorical', values: [1, 2], probabilities: [0.5, 0.5] } },
        }),
      ),
      [
        'parameters.a.distribution: with `probabilities` the distribution is "categorical_w_probabilities" (as in W&B); write that, or leave `distribution` out',
      ],
    );
    assert.deepEqual(
      problems(
        sweep({
          parameters: { dropout: { values: [0] } },
          early_terminate: { type: 'hyperband', min_iter: 2, max_iter: 27 },
        }),
      ),
      [
        'early_terminate.max_iter: with `min_iter` and `max_iter` W&B also needs `s`; give `min_iter` alone, or `max_iter` with `s`',
      ],
    );
  });
});

describe('validateSweep: a model that cannot fit', () => {
  it('refuses a search whose largest model needs more than a worker may use, naming the settings', () => {
    const found = problems(
      sweep({
        parameters: {
          embedding_dim: { values: [64, 4096] },
          vocab_size: { value: 10_000_000 },
          hidden_units: { value: 65536 },
        },
      }),
    );
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(
      found[0] ?? '',
      /^parameters\.embedding_dim: the largest model of this search \(vocab_size 10000000, embedding_dim 4096, hidden_units 65536\) has about 4\.12e\+10 weights and needs about \d+\.\d GiB to train, over a worker's 4 GiB; lower embedding_dim, vocab_size or hidden_units$/,
    );
    assert.deepEqual(
      problems(
        sweep({ parameters: { embedding_dim: { values: [64, 300] }, vocab_size: { value: 100_000 } } }),
      ),
      [],
    );
  });
});

describe('validateSweep: method "bayes"', () => {
  it('fills its options with their defaults, needs run_cap, and takes metric.impute', () => {
    const spec = validateSweep({
      method: 'bayes',
      run_cap: 30,
      metric: { name: 'val_loss', impute: 'worst' },
      dataset: { source: 'synthetic' },
      parameters: { dropout: { distribution: 'uniform', min: 0, max: 0.5 } },
    });
    assert.deepEqual(spec.bayes, {
      n_startup_trials: 10,
      n_ei_candidates: 24,
      multivariate: true,
      constant_liar: true,
    });
    assert.equal(spec.metric.impute, 'worst');
    assert.deepEqual(problems(sweep({ method: 'bayes', parameters: { dropout: { values: [0] } } })), [
      'run_cap: required by bayes search: how many trials to run in all (seeds included)',
    ]);
    assert.deepEqual(
      problems(
        sweep({
          method: 'bayes',
          run_cap: 3,
          bayes: { n_startup_trial: 3 },
          parameters: { dropout: { values: [0] } },
        }),
      ),
      ['bayes.n_startup_trial: unknown key `n_startup_trial`; did you mean `n_startup_trials`?'],
    );
    assert.deepEqual(
      problems(
        sweep({ run_cap: 3, bayes: { n_startup_trials: 3 }, parameters: { dropout: { values: [0] } } }),
      ),
      ['bayes: options of method "bayes"; this sweep\'s method is "grid"'],
    );
  });
});

describe('validateSweep: early_terminate "asha"', () => {
  it("fills Optuna's SuccessiveHalvingPruner defaults under the hyperband block's names", () => {
    const spec = validateSweep({
      method: 'grid',
      dataset: { source: 'synthetic' },
      parameters: { dropout: { values: [0] } },
      early_terminate: { type: 'asha' },
    });
    assert.deepEqual(spec.early_terminate, { type: 'asha', min_iter: 1, eta: 4, s: 0, bootstrap_count: 0 });
    assert.deepEqual(
      problems(
        sweep({ parameters: { dropout: { values: [0] } }, early_terminate: { type: 'asha', eta: 1.5 } }),
      ),
      ['early_terminate.eta: must be an integer, got `1.5` (number)'],
    );
  });
});
