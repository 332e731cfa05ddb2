import { QueryError } from '@embsweep/core/errors';

const ALLOWED_FIRST_WORDS = ['SELECT', 'WITH', 'VALUES'];

/**
 * The first line of defence of `embsweep query`: the statement must start (after comments) with
 * SELECT, WITH or VALUES. The query process adds a read-only connection, query_only, a check
 * that SQLite itself classifies the statement as a read-only reader, one statement only, a
 * row limit and a time limit; this check exists to give a clear message early.
 */
export function checkQueryText(sql: string): void {
  const body = stripLeadingComments(sql);
  if (body === '') throw new QueryError('query_rejected', 'the query is empty; give one SELECT statement');
  const first = /^[A-Za-z]+/.exec(body)?.[0]?.toUpperCase() ?? '';
  if (!ALLOWED_FIRST_WORDS.includes(first)) {
    throw new QueryError(
      'query_rejected',
      `only reading queries run here (SELECT, WITH ... SELECT, VALUES); this one starts with ${first === '' ? JSON.stringify(body.slice(0, 10)) : first}. The results database is changed only by embsweep itself`,
    );
  }
}

function stripLeadingComments(sql: string): string {
  let rest = sql.trimStart();
  for (;;) {
    if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      rest = end === -1 ? '' : rest.slice(end + 1).trimStart();
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      rest = end === -1 ? '' : rest.slice(end + 2).trimStart();
    } else {
      return rest;
    }
  }
}
