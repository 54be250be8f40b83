import type { App } from '@slack/bolt';
import type { SlackDeps } from '../conversation';
import { registerAppHome } from './app-home';
import { registerAppMention } from './app-mention';
import { registerAskCommand } from './ask-command';
import { registerDirectMessage } from './direct-message';
import { registerFeedbackAction } from './feedback-action';
import { registerKbCommand } from './kb-command';
import { registerRelatedAction } from './related-action';
import { registerShareAction } from './share-action';

/** Every listener the bot has; `manifest.yml` subscribes to exactly these events, commands and actions. */
export const listeners: ReadonlyArray<(app: App, deps: SlackDeps) => void> = [
  registerAppMention,
  registerAppHome,
  registerDirectMessage,
  registerAskCommand,
  registerKbCommand,
  registerFeedbackAction,
  registerRelatedAction,
  registerShareAction,
];

/** Registers every listener on the app. */
export function registerListeners(app: App, deps: SlackDeps): void {
  for (const register of listeners) register(app, deps);
}
