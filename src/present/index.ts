/** The shared presentation layer: what every surface shows, and every text the bot says on its own. */
export * from './answer';
export * from './help';
export * from './kb';
export * from './limits';
export * from './texts';
