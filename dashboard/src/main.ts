import { watchChanges } from './live.js';
import type { Page } from './pages/page.js';
import { comparePage } from './pages/compare-page.js';
import { sweepPage } from './pages/sweep-page.js';
import { sweepsPage } from './pages/sweeps-page.js';
import { trialPage } from './pages/trial-page.js';
import { parseRoute } from './route.js';
import { emptyView } from './ui/status-views.js';
import { fill, h } from './ui/dom.js';

/**
 * The dashboard's entry point: picks the page for the URL, follows in-page links without a
 * reload (history API), and refreshes the current page when the database changes.
 */
const root = document.getElementById('app') as HTMLElement;
let page: Page | undefined;

function show(): void {
  page?.dispose();
  const route = parseRoute(location.pathname, location.search);
  switch (route.page) {
    case 'sweeps':
      page = sweepsPage(root);
      break;
    case 'sweep':
      page = sweepPage(root, route.sweep, route.view);
      break;
    case 'trial':
      page = trialPage(root, route.sweep, route.trialId);
      break;
    case 'compare':
      page = comparePage(root, route.sweeps);
      break;
    case 'missing':
      page = undefined;
      fill(
        root,
        emptyView(
          'No such page',
          `${route.path} is not a page of the dashboard. `,
          h('a', { href: '/', 'data-link': true }, 'See the sweeps.'),
        ),
      );
      return;
  }
  void page.refresh();
}

document.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-link]');
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey
  )
    return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href') ?? '/');
  window.scrollTo(0, 0);
  show();
});
window.addEventListener('popstate', show);
watchChanges(async () => {
  await page?.refresh();
});
show();
