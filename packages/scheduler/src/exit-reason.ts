/** A worker's exit as a person reads it: "exit code 1", "was killed by SIGKILL (often: out of memory)". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'was killed by SIGKILL (often the system running out of memory)';
  if (signal === 'SIGABRT') return 'aborted (SIGABRT)';
  if (signal === 'SIGSEGV' || signal === 'SIGBUS') return `crashed with ${signal} (a native crash)`;
  if (signal !== null) return `was killed by ${signal}`;
  if (code === 134) return 'aborted (exit code 134; often JavaScript heap out of memory)';
  return `exited with code ${code ?? 'unknown'}`;
}
