import type { GuessedFields } from '@embsweep/trainer/inputs';

/** What a starter sweep is for: the built-in synthetic data, or the user's own file. */
export interface StarterData extends GuessedFields {
  /** The data file's path as the sweep file names it (relative to the sweep file's folder). */
  readonly path: string;
}

/**
 * The commented YAML sweep `embsweep init` writes: a small grid over the settings that decide
 * whether a text model underfits or memorises (embedding width, dropout, L2), with every other
 * key a user is likely to change shown with its meaning. Valid as written (a test runs it).
 */
export function starterSweep(name: string, data: StarterData | undefined): string {
  const dataset =
    data === undefined
      ? `# Built-in synthetic data (a text-classification set made from a seed). For your own data,
# run "embsweep init --data your-file.csv" or point "source: file" at a CSV or JSON Lines file.
dataset:
  source: synthetic
  samples: 1000
  seed: 1`
      : `# ${data.path}: ${data.examples} examples, ${data.classes} labels. The fields were guessed from
# the ${data.format === 'csv' ? 'header' : 'keys'} (${data.fields.join(', ')}); fix them here if the guess is wrong.
dataset:
  source: file
  path: ${JSON.stringify(data.path)}
  text_field: ${JSON.stringify(data.textField)}
  label_field: ${JSON.stringify(data.labelField)}
  validation_split: 0.2   # held out to measure val_loss, the metric below`;
  const training =
    data === undefined
      ? `  epochs: {value: 6}
  vocab_size: {value: 500}      # the most frequent words kept
  max_length: {value: 40}       # words per text (longer ones are cut)`
      : `  epochs: {value: 10}
  patience: {value: 3}          # stop a trial after 3 epochs without a better val_loss
  vocab_size: {value: 20000}    # the most frequent words kept
  max_length: {value: 200}      # words per text (longer ones are cut)`;
  return `# ${name}: an embsweep sweep (docs/sweep-file.md has every key). Run it with
#   npx embsweep run ${name}.yaml --dashboard
# Written as W&B sweep files are: method, metric, parameters.
name: ${name}
method: grid                    # grid, random or bayes (random and bayes need run_cap)
metric: {name: val_loss, goal: minimize}

${dataset}

parameters:
  # Embedding width: too narrow underfits, too wide memorises the training texts.
  embedding_dim: {values: [${data === undefined ? '8, 64' : '16, 64'}]}
  # Dropout on the embedded words and L2 on the embedding matrix pull a wide embedding back.
  dropout: {values: [0.0, 0.5]}
  l2: {values: [0, ${data === undefined ? '0.001' : '0.00001'}]}
${training}
  learning_rate: {value: 0.005}

# One seed per configuration. Use three or more ("seeds: [0, 1, 2]") to tell a real difference
# from seed noise: "embsweep compare ${name}" then gives intervals and p-values.
seeds: [0]
`;
}
