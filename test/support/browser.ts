export { launchBrowser } from '@embsweep/server/testing';

/** The URL a dashboard process printed on standard error. */
export function dashboardUrl(stderr: string): string {
  const match = /dashboard: (http:\/\/\S+\/) \(bound/.exec(stderr);
  if (!match?.[1]) throw new Error(`no dashboard URL in:\n${stderr}`);
  return match[1];
}
