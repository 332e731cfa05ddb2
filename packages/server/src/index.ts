// The public API of @embsweep/server.
export { createApp, type AppOptions } from './create-app.js';
export { startServer, DEFAULT_PORT, type RunningServer, type ServerOptions } from './start-server.js';
export { DashboardApi } from './dashboard-api.js';
export type * from './api-types.js';
