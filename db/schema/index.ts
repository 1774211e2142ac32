export * from './mailings';
export * from './selections';
export * from './suppression';
export * from './sending';
export * from './tracking';
export * from './bounces';
export * from './stats';
export * from './webVersions';
