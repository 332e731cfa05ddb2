import { openDatabase } from '@embsweep/store';

/** Rows of one SQL query on a results database, read-only. */
export function query(db: string, sql: string): Record<string, unknown>[] {
  const conn = openDatabase(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    conn.close();
  }
}
