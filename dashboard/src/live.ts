/**
 * Live updates: the server sends "change" whenever the results database changed; the current
 * page then reads again. Reloads are spaced at least `minGapMs` apart (with a trailing one), so
 * a busy sweep cannot flood the page, and a change is shown within about a second.
 */
export function watchChanges(onChange: () => Promise<void>, minGapMs = 400): () => void {
  const source = new EventSource('/api/events');
  let running = false;
  let again = false;
  let last = 0;
  let timer: number | undefined;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    last = Date.now();
    try {
      await onChange();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + minGapMs - Date.now());
    timer = window.setTimeout(() => {
      timer = undefined;
      void run();
    }, wait);
  };
  source.addEventListener('change', schedule);
  const indicator = document.getElementById('live');
  source.addEventListener('open', () => indicator?.setAttribute('data-state', 'connected'));
  source.addEventListener('error', () => indicator?.setAttribute('data-state', 'reconnecting'));
  return () => {
    source.close();
    window.clearTimeout(timer);
  };
}
