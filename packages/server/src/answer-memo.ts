/**
 * Answers kept while the database stays as it was: a finished sweep's comparison, fits and
 * importance are computed once, not on every page load, and a database that changed (a running
 * sweep) gets them computed afresh. The version is SQLite's data_version, which moves whenever
 * another connection commits.
 */
export class AnswerMemo {
  private version: number | undefined;
  private readonly answers = new Map<string, unknown>();

  constructor(private readonly currentVersion: () => number) {}

  get<T>(key: string, compute: () => T): T {
    const version = this.currentVersion();
    if (version !== this.version) {
      this.answers.clear();
      this.version = version;
    }
    if (!this.answers.has(key)) this.answers.set(key, compute());
    return this.answers.get(key) as T;
  }
}
