export * from './unit-costs';
export * from './contribution-bands';
export * from './cost-sharing';
export * from './cost-benchmark';
