/**
 * One driver per chat surface, so a behaviour test runs the same steps on the terminal chat, Slack (real Bolt
 * against the fake Slack) and Discord (real discord.js against the fake Discord), all over the same real core.
 */
import { PassThrough, Writable } from 'node:stream';
import { chatCommand } from '../../adapters/cli/chat';
import type { QA } from '../../src/qa';
import { FakeDiscord } from '../fakes/discord/server';
import { appMention, buttonClick, eventEnvelope } from '../fakes/slack/payloads';
import { startSocketHarness, type SocketHarness } from './slack/harness';
import { startHarness, type Harness } from './discord/harness';

/** What a surface showed for one message, reduced to what the behaviours check. */
export interface Shown {
  /** Every visible text of the reply, platform escaping undone and white space collapsed. */
  text: string;
  /** Related questions offered, in order. */
  related: string[];
  /** Answers that offer 👍/👎 (their vote handles). */
  votable: string[];
}

/** One conversation on a surface. */
export interface Session {
  send(message: string): Promise<Shown>;
  /** Asks the n-th (1-based) related question of the last reply, the way that surface offers it. */
  pickRelated(n: number): Promise<Shown>;
  /** Votes on an answer of the last reply; resolves to the thanks shown. */
  vote(handle: string, vote: 'up' | 'down'): Promise<string>;
}

export interface Surface {
  name: 'cli' | 'slack' | 'discord';
  start(qa: QA): Promise<void>;
  session(): Promise<Session>;
  close(): Promise<void>;
}

/** Undoes Slack's entities and Discord's escaping, collapses white space. */
export function plain(text: string): string {
  return text
    .replace(/\\([\\*_~`|>#<\-[\]().])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

// ------------------------------------------------------------------ terminal

function cliSurface(): Surface {
  let qa: QA;
  const running: Array<{ stdin: PassThrough; done: Promise<number> }> = [];
  return {
    name: 'cli',
    async start(core) {
      qa = core;
    },
    async session() {
      const stdin = new PassThrough();
      let out = '';
      let waiting: (() => void) | null = null;
      const stdout = new Writable({
        write(chunk, _encoding, done) {
          out += chunk.toString();
          if (out.endsWith('you> ') && waiting) waiting();
          done();
        },
      });
      const done = chatCommand(qa, { stdin, stdout, stderr: new PassThrough(), env: {} });
      running.push({ stdin, done });
      const typed = async (line: string): Promise<string> => {
        const before = out.length;
        const prompt = new Promise<void>((resolve) => (waiting = resolve));
        stdin.write(`${line}\n`);
        await prompt;
        waiting = null;
        return out.slice(before, -'you> '.length);
      };
      await new Promise((resolve) => setImmediate(resolve));
      const shown = (raw: string): Shown => ({
        text: plain(raw),
        related: [...raw.matchAll(/^\s+\d+\. (.+)$/gm)].map((m) => m[1]!.trim()),
        votable: /👍|Source:|Ask a person|Please ask/.test(raw) ? ['last'] : [],
      });
      return {
        send: async (message) => shown(await typed(message)),
        pickRelated: async (n) => shown(await typed(String(n))),
        vote: async (_handle, vote) => plain((await typed(vote === 'up' ? '/good' : '/bad')).replace(/^bot> /, '')),
      };
    },
    async close() {
      for (const { stdin, done } of running) {
        stdin.end();
        await done;
      }
    },
  };
}

// ------------------------------------------------------------------ Slack

function slackSurface(): Surface {
  let h: SocketHarness;
  let threads = 0;
  const blockTexts = (blocks: any[]): string[] =>
    blocks.flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e: any) => (e.type === 'button' ? '' : e.text))]).filter((t): t is string => typeof t === 'string');
  const shown = (params: any): Shown => {
    const buttons = (params.blocks as any[]).flatMap((b) => (b.elements ?? []).filter((e: any) => e.type === 'button').map((e: any) => ({ ...e, block: b.block_id })));
    return {
      text: plain(blockTexts(params.blocks).join('\n')),
      related: buttons.filter((b) => String(b.block).startsWith('related')).map((b) => b.value),
      votable: buttons.filter((b) => b.action_id === 'feedback_up').map((b) => b.value),
    };
  };
  return {
    name: 'slack',
    async start(qa) {
      h = await startSocketHarness(qa);
    },
    async session() {
      let root: string | undefined;
      let last: Shown | undefined;
      const posted = async (act: () => Promise<unknown>): Promise<Shown> => {
        const before = h.api.callsTo('chat.postMessage').length;
        await act();
        await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length > before);
        last = shown(h.api.callsTo('chat.postMessage')[before]!.params);
        return last;
      };
      const channel = `CTHREAD${++threads}`;
      return {
        send: (message) =>
          posted(async () => {
            const event = appMention(`<@UBOT00001> ${message}`, { channel, ...(root ? { thread_ts: root } : {}) });
            root ??= event.ts;
            await h.socket.send('events_api', eventEnvelope(event));
          }),
        pickRelated: (n) => posted(() => h.socket.send('interactive', buttonClick(`related_${n - 1}`, last!.related[n - 1]!, h.api.responseUrl(`rel-${n}`), { channel, threadTs: root, blockId: 'related' }))),
        async vote(handle, vote) {
          const before = h.api.callsTo('response_url').length;
          await h.socket.send('interactive', buttonClick(`feedback_${vote}`, handle, h.api.responseUrl(`vote-${before}`), { channel, threadTs: root }));
          await h.api.waitFor(() => h.api.callsTo('response_url').length > before);
          return plain(h.api.callsTo('response_url')[before]!.params.text);
        },
      };
    },
    async close() {
      await h?.close();
    },
  };
}

// ------------------------------------------------------------------ Discord

function discordSurface(): Surface {
  let h: Harness;
  let fake: FakeDiscord;
  const shown = (message: any): Shown => {
    const buttons = (message.components ?? []).flatMap((row: any) => row.components);
    const texts = (message.embeds ?? []).flatMap((e: any) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text]);
    return {
      text: plain([message.content, ...texts].filter(Boolean).join('\n')),
      related: buttons.filter((b: any) => !b.custom_id.startsWith('fb:')).map((b: any) => (b.custom_id.startsWith('ask:') ? b.custom_id.slice(4) : b.label)),
      votable: buttons.filter((b: any) => b.custom_id.startsWith('fb:up:')).map((b: any) => `${message.id} ${b.custom_id.slice('fb:up:'.length)}`),
    };
  };
  return {
    name: 'discord',
    async start(qa) {
      h = await startHarness(qa);
      fake = h.fake;
    },
    async session() {
      let lastMessage: any;
      const relatedIds = () => fake.buttonIds(lastMessage.id).filter((id) => !id.startsWith('fb:'));
      return {
        async send(message) {
          // The first message mentions the bot; later ones reply to its last answer, which continues the conversation.
          const id = lastMessage
            ? fake.messageCreate({ content: message, replyTo: lastMessage.id, mentionRepliedUser: true })
            : fake.messageCreate({ content: `<@${fake.botId}> ${message}`, mentionBot: true });
          lastMessage = await fake.botReplyTo(id);
          return shown(lastMessage);
        },
        async pickRelated(n) {
          const interaction = fake.clickButton(lastMessage.id, relatedIds()[n - 1]!);
          const callback = await h.callback(interaction);
          const body = callback.body.type === 5 ? (await h.edit(interaction)).body : callback.body.data;
          lastMessage = fake.originalMessage(interaction.token) ?? body;
          return shown(body);
        },
        async vote(handle, vote) {
          const [messageId, answerId] = handle.split(' ');
          const callback = await h.callback(fake.clickButton(messageId!, `fb:${vote}:${answerId}`));
          return plain(callback.body.data.content);
        },
      };
    },
    async close() {
      await h?.close();
    },
  };
}

/** The three surfaces, fresh. */
export function surfaces(): Surface[] {
  return [cliSurface(), slackSurface(), discordSurface()];
}
