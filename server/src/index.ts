/**
 * The Hireflow HTTP server: Hono app (routes, auth, authorization table, webhooks), and the
 * start-up that wires the database and serves the built designer.
 */

export { createApp } from './app.ts';
export { ACCESS_RULES, type AccessRule, type RouteKey, ruleFor } from './authz/accessRules.ts';
export { readConfig, type ServerConfig } from './config.ts';
export { openServerStore, type ServerStore } from './db/openServerStore.ts';
export type { AppDeps, AppEnv } from './http/appEnv.ts';
export { type RunningServer, type StartServerOptions, startServer } from './startServer.ts';
