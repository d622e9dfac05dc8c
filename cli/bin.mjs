#!/usr/bin/env node
// Entry point for the installed `pokin` command: runs the TypeScript CLI through tsx,
// so the same sources serve `npm run pokin` from a checkout and the bin.
import { register } from 'tsx/esm/api';
register();
await import('./main.ts');
