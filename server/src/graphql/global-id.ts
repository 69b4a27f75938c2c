export * from '../shared/global-id.js';
