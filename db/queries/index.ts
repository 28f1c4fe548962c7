export * from './agreements.ts';
export * from './history.ts';
export * from './meta.ts';
export * from './municipalities.ts';
export * from './quarters.ts';
export * from './quotas.ts';
export * from './statuses.ts';
export * from './summary.ts';
