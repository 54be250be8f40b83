import type { Command } from '../types';
import { ask } from './ask';
import { help } from './help';
import { kb } from './kb';

/** Every slash command, by name: what `register.ts` registers and `interactionCreate` dispatches to. */
export const commands: ReadonlyMap<string, Command> = new Map<string, Command>([ask, help, kb].map((command) => [command.data.name, command]));
