#!/usr/bin/env node
// Entry point: enable Node's compile cache where this Node has one (22.1+), then hand over to the built main.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/main.js');
await main(process.argv.slice(2));
