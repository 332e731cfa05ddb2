import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NotFoundError } from '@embsweep/core/errors';
import { ResultsReader } from '@embsweep/store';
import { DB_FLAG_HELP, resolveDbPath } from '../db-path.js';
import { EXIT } from '../io.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { projectorFiles, word2vecText, type SavedEmbedding } from './vector-formats.js';

export const vectorsCommand: Command = {
  name: 'vectors',
  help: `Usage: embsweep vectors <sweep> [--trial N] --format word2vec|tsv [--out PATH] [--force] [--db PATH]

Writes the trained embedding of a trial (its best epoch) for other tools. The sweep must have
kept it: "save_embeddings": "best" (the sweep's best trial) or "all" in the sweep file.

  --format word2vec  word2vec's text format, one file (default <sweep>-trial<N>.vec): the format
                     "pretrained_embeddings" reads, so it can seed another sweep
  --format tsv       the TensorBoard Embedding Projector's vectors.tsv and metadata.tsv, in a
                     folder (default <sweep>-trial<N>-projector)

Options:
  --trial N   the trial (its number as "show" prints it); default: the one trial with a saved
              embedding
  --out PATH  the file (word2vec) or folder (tsv) to write
  --force     replace what exists (without it, nothing is ever overwritten)
${DB_FLAG_HELP}
  -h, --help  show this help

Examples:
  embsweep vectors quick-grid --format word2vec
  embsweep vectors quick-grid --trial 7 --format tsv --out projector/`,
  run(args, io) {
    const { positionals, values } = parseFlags('vectors', args, {
      db: { type: 'string' },
      trial: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) return (io.out(`${this.help}\n`), EXIT.ok);
    const [sweep, ...extra] = positionals;
    if (sweep === undefined || extra.length > 0)
      throw new UsageError('expected one sweep name (see "embsweep ls")', 'vectors');
    const format = values.format;
    if (format !== 'word2vec' && format !== 'tsv')
      throw new UsageError(`--format must be word2vec or tsv; got "${String(format ?? '')}"`, 'vectors');
    const number = values.trial === undefined ? undefined : Number(values.trial);
    if (number !== undefined && (!Number.isInteger(number) || number < 1))
      throw new UsageError(`--trial must be a trial number from 1; got "${String(values.trial)}"`, 'vectors');
    const reader = ResultsReader.open(resolveDbPath(values.db, io.cwd));
    try {
      const { trialIndex, embedding } = savedEmbedding(reader, sweep, number);
      const out = resolve(
        io.cwd,
        typeof values.out === 'string'
          ? values.out
          : format === 'word2vec'
            ? `${sweep}-trial${trialIndex + 1}.vec`
            : `${sweep}-trial${trialIndex + 1}-projector`,
      );
      const files =
        format === 'word2vec'
          ? [[out, word2vecText(embedding)] as const]
          : Object.entries(projectorFiles(embedding)).map(
              ([name, text]) => [join(out, `${name}.tsv`), text] as const,
            );
      const existing = files.filter(([path]) => existsSync(path)).map(([path]) => path);
      if (existing.length > 0 && values.force !== true)
        throw new UsageError(
          `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. Add --force to replace`,
          'vectors',
        );
      if (format === 'tsv') mkdirSync(out, { recursive: true });
      for (const [path, text] of files) writeFileSync(path, text);
      io.out(
        `Wrote ${embedding.words.length - 2} words x ${embedding.dim} of trial ${trialIndex + 1} to ${files.map(([p]) => p).join(' and ')}.\n`,
      );
      return EXIT.ok;
    } finally {
      reader.close();
    }
  },
};

function savedEmbedding(
  reader: ResultsReader,
  sweep: string,
  number: number | undefined,
): { trialIndex: number; embedding: SavedEmbedding } {
  const saved = reader.trialsWithArtifact(sweep, 'embedding');
  if (saved.length === 0)
    throw new NotFoundError(
      `no trial of "${sweep}" kept its embedding; add "save_embeddings": "best" (or "all") to the sweep file and run it`,
    );
  const trial =
    number === undefined
      ? saved.length === 1
        ? saved[0]
        : undefined
      : saved.find((t) => t.trialIndex === number - 1);
  if (trial === undefined)
    throw new UsageError(
      number === undefined
        ? `several trials of "${sweep}" kept their embedding (${saved.map((t) => t.trialIndex + 1).join(', ')}); choose one with --trial`
        : `trial ${number} of "${sweep}" has no saved embedding; these have: ${saved.map((t) => t.trialIndex + 1).join(', ')}`,
      'vectors',
    );
  const matrix = reader.artifact(trial.trialId, 'embedding');
  const vocabulary = reader.artifact(trial.trialId, 'vocabulary');
  if (matrix === undefined || vocabulary === undefined)
    throw new NotFoundError(
      `trial ${trial.trialIndex + 1} of "${sweep}" has an embedding without its vocabulary`,
    );
  const { dim, words } = JSON.parse(vocabulary.content.toString('utf8')) as { dim: number; words: string[] };
  const bytes = matrix.content;
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { trialIndex: trial.trialIndex, embedding: { words, dim, matrix: floats } };
}
