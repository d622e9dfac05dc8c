/** The API contract: request schemas, path parameters, response bodies, limits. */
export * from './api.js';
export * from './limits.js';
export * from './paths.js';
export * from './schema.js';
export * from './consolidated.js';
export * from './docs.js';
