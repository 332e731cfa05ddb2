/** The file the scheduler forks for a trial (see worker-main.ts). */
export const WORKER_MAIN = new URL('./worker-main.js', import.meta.url);
