import { createRequire } from 'node:module';
import { EmbsweepError, ConfigError } from '@embsweep/core/errors';
import { COMMANDS } from './command-list.js';
import { EXIT, PROCESS_IO, type CommandIo } from './io.js';
import { UsageError } from './usage-error.js';

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `embsweep ${version()}: hyperparameter sweeps and experiment tracking for TensorFlow.js embedding models

Usage: embsweep <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "embsweep <command> --help" for a command's options.`;
}

/**
 * The composition root: picks the command, runs it, and turns every error into a message and
 * an exit code (2 for bad input, 1 for failures). Returns the exit code; never throws.
 */
export async function main(argv: readonly string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === args[0]) : undefined;
    io.out(`${(await topic?.load())?.help ?? overview()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') return (io.out(`${version()}\n`), EXIT.ok);
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(
      `embsweep: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See "embsweep --help".\n`,
    );
    return EXIT.usage;
  }
  try {
    return await (await command.load()).run(args, io);
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CommandIo): number {
  if (error instanceof UsageError) {
    io.err(
      `embsweep ${error.command ?? ''}: ${error.message}. See "embsweep ${error.command ?? ''} --help".\n`.replace(
        '  ',
        ' ',
      ),
    );
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    io.err(`${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof EmbsweepError && error.code === 'data_invalid') {
    io.err(`embsweep: the data set cannot be used: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof EmbsweepError) {
    io.err(`embsweep: ${error.message}\n`);
    return EXIT.failed;
  }
  io.err(
    `embsweep: unexpected error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.failed;
}
