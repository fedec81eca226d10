export * from './types';
export * from './fit-stock-flow';
export * from './forecast-methods';
export * from './bootstrap-band';
export * from './backtest';
export * from './aggregate-series';
export * from './forecast-area';
export * from './forecast-rcc';
