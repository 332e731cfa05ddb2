/**
 * Live updates: the server sends "change" whenever the results database changed; the current
 * page then reads again. Reloads are spaced at least `minGapMs` apart, and at least twice as
 * long as the last reload took (with a trailing one), so a busy sweep cannot keep a big page
 * permanently busy, and a change on a small page shows within about a second.
 */
export function watchChanges(onChange: () => Promise<void>, minGapMs = 400): () => void {
  const source = new EventSource('/api/events');
  let running = false;
  let again = false;
  let last = 0;
  let gap = minGapMs;
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
      gap = Math.max(minGapMs, 2 * (Date.now() - last));
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + gap - Date.now());
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
