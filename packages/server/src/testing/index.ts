// Test helpers of @embsweep/server: headless Chromium for browser tests, raw HTTP requests,
// and a server over an example database.
export { CHROMIUM, launchBrowser } from './launch-browser.js';
export { rawRequest } from './raw-request.js';
export { serveExample, EXAMPLE_SPEC } from './serve-example.js';
