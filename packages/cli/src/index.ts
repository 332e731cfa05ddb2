// The public API of @embsweep/cli: the program, callable in-process (tests, embedding).
export { main } from './main.js';
export type { CommandIo } from './io.js';
