/** Everything the browser and the server both need to know: ids, paths, field names, types. */
export * from './constants';
export * from './paths';
export * from './fields';
export * from './types';
export * from './discover';
export * from './time';
