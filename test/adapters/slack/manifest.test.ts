import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

const DIR = path.join(__dirname, '../../../adapters/slack');
const manifest = matter(`---\n${readFileSync(path.join(DIR, 'manifest.yml'), 'utf8')}\n---\n`).data as any;
const listenerSource = readdirSync(path.join(DIR, 'listeners'))
  .map((file) => readFileSync(path.join(DIR, 'listeners', file), 'utf8'))
  .join('\n');
/** Every Web API method the adapter calls (`client.chat.postMessage(`, `app.client.chat.postEphemeral(`, `client.auth.test(`). */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(path.join(dir, entry.name), 'utf8')] : [],
  );
const methodsCalled = [
  ...new Set(sources(DIR).flatMap((text) => [...text.matchAll(/\.(admin|apps|auth|bots|chat|conversations|files|im|pins|reactions|team|usergroups|users|views)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`))),
].sort();

/** The bot scope each Web API method needs (https://docs.slack.dev/reference/methods); add a method here with its scope when the adapter starts calling it. */
const METHOD_SCOPES: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'views.publish': null,
};
/** The bot scope each subscribed event needs. */
const EVENT_SCOPES: Record<string, string | null> = { app_home_opened: null, app_mention: 'app_mentions:read', 'message.im': 'im:history' };

const registered = (kind: 'event' | 'command') => [...listenerSource.matchAll(new RegExp(`app\\.${kind}\\('([^']+)'`, 'g'))].map((m) => m[1]).sort();

describe('manifest.yml', () => {
  it('subscribes to exactly the events the listeners handle (DMs only for plain messages)', () => {
    expect(registered('event')).toEqual(['app_home_opened', 'app_mention', 'message']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it('declares exactly the slash commands the listeners handle', () => {
    expect(manifest.features.slash_commands.map((c: any) => c.command).sort()).toEqual(registered('command'));
  });

  it('asks for exactly the scopes those events, commands and replies need, with Socket Mode and interactivity on', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
  });

  it('asks for no scope beyond what the Web API methods called, the events and the commands need', () => {
    expect(methodsCalled).toEqual(expect.arrayContaining(['auth.test', 'chat.postMessage']));
    // A method missing from METHOD_SCOPES: look up its scope, add it there and to manifest.yml.
    expect(methodsCalled.filter((method) => !(method in METHOD_SCOPES))).toEqual([]);
    const needed = new Set<string>([
      ...methodsCalled.map((method) => METHOD_SCOPES[method]).filter((scope): scope is string => scope !== null),
      ...manifest.settings.event_subscriptions.bot_events.map((event: string) => EVENT_SCOPES[event]).filter((scope: string | null): scope is string => scope !== null),
      ...(manifest.features.slash_commands.length > 0 ? ['commands'] : []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
