#!/usr/bin/env node
// The installed entry point; the program itself is compiled TypeScript in ../dist.
import { main } from '../dist/main.js';

// `embsweep plan big.json | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
