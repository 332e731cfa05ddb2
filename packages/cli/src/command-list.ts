import type { Command } from './commands/command.js';

/** A command as the command list knows it: loaded only when it runs. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every `embsweep` command. Each module is imported only when its command runs, so a command
 * that does not train never loads TensorFlow.js (only `train` and the workers do) and starts
 * in a fraction of the time.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'write a commented starter sweep file (for your own data with --data)',
    load: async () => (await import('./commands/init.js')).initCommand,
  },
  {
    name: 'validate',
    summary: 'check a sweep file and report every problem',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'plan',
    summary: 'print the trials a sweep file would run, in order, without training',
    load: async () => (await import('./commands/plan.js')).planCommand,
  },
  {
    name: 'run',
    summary: 'run a sweep: every trial in parallel worker processes, recorded in the database',
    load: async () => (await import('./commands/run.js')).runCommand,
  },
  {
    name: 'worker',
    summary: 'train trials for sweeps run with --redis, on this machine (one of many)',
    load: async () => (await import('./commands/worker.js')).workerCommand,
  },
  {
    name: 'workers',
    summary: 'list the workers connected to a Redis and what they run',
    load: async () => (await import('./commands/workers.js')).workersCommand,
  },
  {
    name: 'train',
    summary: 'train one configuration in this process and print its epochs (for debugging)',
    load: async () => (await import('./commands/train.js')).trainCommand,
  },
  {
    name: 'ls',
    summary: 'list the sweeps in the results database with progress and best value',
    load: async () => (await import('./commands/ls.js')).lsCommand,
  },
  {
    name: 'show',
    summary: "print a sweep's trials: parameters, state, best value, epochs, failures",
    load: async () => (await import('./commands/show.js')).showCommand,
  },
  {
    name: 'best',
    summary: "print a sweep's best trials by its metric and goal",
    load: async () => (await import('./commands/best.js')).bestCommand,
  },
  {
    name: 'compare',
    summary:
      "rank a sweep's configurations across seeds, with intervals and how many seeds would tell them apart",
    load: async () => (await import('./commands/compare.js')).compareCommand,
  },
  {
    name: 'importance',
    summary: 'rank the parameters a sweep varies by how much they mattered (PED-ANOVA, as Optuna)',
    load: async () => (await import('./commands/importance.js')).importanceCommand,
  },
  {
    name: 'vectors',
    summary: "write a trial's trained embedding as word2vec text or TensorBoard projector files",
    load: async () => (await import('./commands/vectors.js')).vectorsCommand,
  },
  {
    name: 'query',
    summary: 'run one read-only SQL query against the results database',
    load: async () => (await import('./commands/query.js')).queryCommand,
  },
  {
    name: 'export',
    summary: "export a sweep's trial summary and curves as CSV or JSON",
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'dashboard',
    summary: 'serve the web dashboard: compare validation curves across trials, live',
    load: async () => (await import('./commands/dashboard.js')).dashboardCommand,
  },
];
