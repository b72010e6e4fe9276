export * from './people';
export * from './ledger';
export * from './collection';
export * from './system';
export * from './projections';
export * from './formal';
