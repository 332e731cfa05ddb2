/**
 * The parameters the built-in trainer understands, with their types, domains and defaults.
 * The sweep file is checked against this list at the edge, so a typo or an impossible value
 * (dropout 1.5, embedding_dim 0) never reaches a worker. The trainer owns the meaning of each
 * entry; it reads the defaults from here so the two cannot drift apart.
 */

export type TrainerParameterKind = 'int' | 'real' | 'choice' | 'boolean' | 'path';

export interface TrainerParameter {
  readonly name: string;
  readonly kind: TrainerParameterKind;
  /** Lowest allowed value (int, real). */
  readonly min?: number;
  /** When true, `min` itself is not allowed. @default false */
  readonly minExclusive?: boolean;
  /** Highest allowed value (int, real). */
  readonly max?: number;
  /** When true, `max` itself is not allowed. @default false */
  readonly maxExclusive?: boolean;
  /** Allowed values of a `choice`. */
  readonly choices?: readonly string[];
  /** The value used when the sweep file does not set the parameter; null means "none". */
  readonly default: number | string | boolean | null;
  readonly description: string;
}

export const TRAINER_PARAMETERS = [
  {
    name: 'embedding_dim',
    kind: 'int',
    min: 1,
    max: 4096,
    default: 32,
    description: 'width of each word vector',
  },
  {
    name: 'dropout',
    kind: 'real',
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0,
    description: 'dropout rate after the embedding layer',
  },
  { name: 'l2', kind: 'real', min: 0, default: 0, description: 'L2 penalty on the embedding matrix' },
  { name: 'l1', kind: 'real', min: 0, default: 0, description: 'L1 penalty on the embedding matrix' },
  {
    name: 'pooling',
    kind: 'choice',
    choices: ['average', 'max'],
    default: 'average',
    description: 'how token vectors are pooled into one',
  },
  {
    name: 'hidden_units',
    kind: 'int',
    min: 0,
    max: 65536,
    default: 0,
    description: 'width of the optional hidden dense layer (0: none)',
  },
  {
    name: 'learning_rate',
    kind: 'real',
    min: 0,
    minExclusive: true,
    max: 10,
    default: 0.001,
    description: 'optimizer step size',
  },
  {
    name: 'optimizer',
    kind: 'choice',
    choices: ['adam', 'sgd', 'rmsprop'],
    default: 'adam',
    description: 'optimization algorithm',
  },
  {
    name: 'batch_size',
    kind: 'int',
    min: 1,
    max: 65536,
    default: 32,
    description: 'examples per training step',
  },
  {
    name: 'epochs',
    kind: 'int',
    min: 1,
    max: 100000,
    default: 10,
    description: 'passes over the training set',
  },
  {
    name: 'vocab_size',
    kind: 'int',
    min: 2,
    max: 10_000_000,
    default: 10000,
    description: 'most frequent words kept (others map to <unk>)',
  },
  {
    name: 'max_length',
    kind: 'int',
    min: 1,
    max: 100000,
    default: 200,
    description: 'tokens per example after padding/truncation',
  },
  {
    name: 'patience',
    kind: 'int',
    min: 0,
    max: 100000,
    default: 0,
    description: 'epochs without improvement before a trial stops (0: off)',
  },
  {
    name: 'pretrained_embeddings',
    kind: 'path',
    default: null,
    description: 'GloVe/word2vec text file to initialise the embedding matrix',
  },
  {
    name: 'embedding_trainable',
    kind: 'boolean',
    default: true,
    description: 'fine-tune (true) or freeze (false) the embedding matrix',
  },
  {
    name: 'sparse_embedding_updates',
    kind: 'boolean',
    default: true,
    description:
      'update only the embedding rows a batch touched (lazy Adam, as LazyAdam and SparseAdam do); false: dense updates of every row',
  },
] as const satisfies readonly TrainerParameter[];

type CatalogEntry = (typeof TRAINER_PARAMETERS)[number];

/** The value type of one catalog entry: a choice is one of its choices; a path may be unset (null). */
type ValueOf<P extends CatalogEntry> = P extends {
  readonly kind: 'choice';
  readonly choices: readonly (infer C)[];
}
  ? C
  : P['kind'] extends 'int' | 'real'
    ? number
    : P['kind'] extends 'boolean'
      ? boolean
      : string | null;

/**
 * The built-in trainer's settings for one trial, every parameter filled: derived from the
 * catalog above, so adding a parameter there adds it here.
 */
export type TrainerParameterValues = { readonly [P in CatalogEntry as P['name']]: ValueOf<P> };

const BY_NAME = new Map<string, TrainerParameter>(TRAINER_PARAMETERS.map((p) => [p.name, p]));

/** The catalog entry for a name, or undefined for a name the trainer does not know. */
export function trainerParameter(name: string): TrainerParameter | undefined {
  return BY_NAME.get(name);
}

/** Whether `value` is allowed for the parameter; returns the reason when it is not. */
export function checkTrainerValue(param: TrainerParameter, value: unknown): string | undefined {
  switch (param.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'path':
      return typeof value === 'string' && value !== '' ? undefined : 'must be a file path (a string)';
    case 'choice':
      return typeof value === 'string' && param.choices?.includes(value)
        ? undefined
        : `must be one of ${(param.choices ?? []).map((c) => JSON.stringify(c)).join(', ')}`;
    case 'int':
    case 'real': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (param.kind === 'int' && !Number.isInteger(value)) return 'must be an integer';
      return checkBound(param, value, 'min') ?? checkBound(param, value, 'max');
    }
  }
}

/** The "must be >= 0" style reason when `value` breaks the lower or upper bound, else undefined. */
export function checkBound(param: TrainerParameter, value: number, side: 'min' | 'max'): string | undefined {
  if (side === 'min' && param.min !== undefined) {
    if (param.minExclusive ? value <= param.min : value < param.min) {
      return `must be ${param.minExclusive ? '>' : '>='} ${param.min}`;
    }
  }
  if (side === 'max' && param.max !== undefined) {
    if (param.maxExclusive ? value >= param.max : value > param.max) {
      return `must be ${param.maxExclusive ? '<' : '<='} ${param.max}`;
    }
  }
  return undefined;
}

/** Names other tools use for our parameters, so "did you mean" can point across vocabularies. */
export const PARAMETER_ALIASES: Readonly<Record<string, string>> = {
  lr: 'learning_rate',
  learningrate: 'learning_rate',
  weight_decay: 'l2',
  embed_dim: 'embedding_dim',
  emb_dim: 'embedding_dim',
  embedding_size: 'embedding_dim',
  dim: 'embedding_dim',
  bs: 'batch_size',
  num_epochs: 'epochs',
  n_epochs: 'epochs',
  optim: 'optimizer',
  hidden: 'hidden_units',
  hidden_size: 'hidden_units',
  maxlen: 'max_length',
  max_len: 'max_length',
  seq_len: 'max_length',
  num_words: 'vocab_size',
  max_features: 'vocab_size',
  dropout_rate: 'dropout',
};
