import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

const DIR = path.join(__dirname, '../../../adapters/slack');
const manifest = matter(`---\n${readFileSync(path.join(DIR, 'manifest.yml'), 'utf8')}\n---\n`).data as any;
const listenerSource = readdirSync(path.join(DIR, 'listeners'))
  .map((file) => readFileSync(path.join(DIR, 'listeners', file), 'utf8'))
  .join('\n');
const registered = (kind: 'event' | 'command') => [...listenerSource.matchAll(new RegExp(`app\\.${kind}\\('([^']+)'`, 'g'))].map((m) => m[1]).sort();

describe('manifest.yml', () => {
  it('subscribes to exactly the events the listeners handle (DMs only for plain messages)', () => {
    expect(registered('event')).toEqual(['app_mention', 'message']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
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
});
