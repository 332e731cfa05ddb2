import { ApiError } from '../api.js';
import { h } from './dom.js';

/** The page's loading, empty and error states: real pages that say what is going on. */

export function loadingView(what: string): HTMLElement {
  return h(
    'div',
    { class: 'status loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner' }),
    `Loading ${what}…`,
  );
}

export function emptyView(title: string, ...hint: (string | Node)[]): HTMLElement {
  return h('div', { class: 'status empty' }, h('h2', {}, title), h('p', {}, ...hint));
}

export function errorView(error: unknown, back?: { href: string; label: string }): HTMLElement {
  const api = error instanceof ApiError ? error : undefined;
  const title =
    api?.status === 404
      ? 'Not found'
      : api?.code === 'offline'
        ? 'The server does not answer'
        : 'Something went wrong';
  return h(
    'div',
    { class: 'status error', role: 'alert' },
    h('h2', {}, title),
    h('p', { class: 'message' }, error instanceof Error ? error.message : String(error)),
    back ? h('p', {}, h('a', { href: back.href, 'data-link': true }, back.label)) : null,
  );
}
