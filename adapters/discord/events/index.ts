import type { BotEvent } from '../types';
import { interactionCreate } from './interactionCreate';
import { messageCreate } from './messageCreate';

/** Every gateway event the bot listens to. */
export const events: readonly BotEvent[] = [interactionCreate, messageCreate] as unknown as BotEvent[];
