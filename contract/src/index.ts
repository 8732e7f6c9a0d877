/** The contract between the mini-program and the functions. Import everything from `@yilin/contract`. */
export * from './routes';
export * from './errors';
export * from './terms/people';
export * from './terms/canteen';
export * from './terms/volunteers';
export * from './terms/care';
export * from './schemas/common';
export * from './schemas/people';
export * from './schemas/registration';
export * from './schemas/org';
export * from './schemas/imports';
export * from './schemas/elder-changes';
export * from './schemas/canteen';
export * from './schemas/volunteers';
export * from './schemas/care';
export * from './money';
export * from './dates';
