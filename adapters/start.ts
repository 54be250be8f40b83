/** `npm start`: the bot. Slack and/or Discord when their tokens are set, else the terminal chat. */
import { readCoreConfig } from '../src/config';
import { describeError } from '../src/errors';
import { createLogger } from '../src/log';
import { createQA } from '../src/qa';
import { openStore } from '../src/store';
import { CHAT } from '../src/present';
import { chatCommand } from './cli/chat';
import { readDiscordConfig } from './discord/config';
import { loadEnv } from './env';
import { checkDataDir, Platforms } from './lifecycle';
import { readSlackConfig } from './slack/config';

async function start(): Promise<number> {
  loadEnv();
  // A failed network call inside a platform client must never take the bot down: log it and go on.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`network-qa: unhandled rejection: ${describeError(reason)}\n`);
  });
  // Validate every variable before connecting anywhere: a bad one stops start-up with its name.
  const core = readCoreConfig(process.env);
  const slack = readSlackConfig(process.env);
  const discord = readDiscordConfig(process.env);
  checkDataDir(core.dataDir);
  // In the terminal chat, routine log lines would interleave with the conversation.
  const logger = createLogger(!slack && !discord && !process.env.LOG_LEVEL ? 'warn' : core.logLevel);
  // The question log, Slack event ids and conversations: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR.
  const store = await openStore({ dataDir: core.dataDir, logger, ...(core.databaseUrl ? { databaseUrl: core.databaseUrl } : {}) });
  logger.info({ code: 'store_opened', engine: store.engine, store: store.location }, 'store opened');
  const qa = await createQA({
    store,
    knowledgeDir: core.knowledgeDir,
    dataDir: core.dataDir,
    logger,
    logQuestions: core.logQuestions,
    logRetentionDays: core.logRetentionDays,
    watch: core.watch,
    followIndex: true,
    ...(core.contact ? { contact: core.contact } : {}),
  });
  const { documents, passages } = qa.stats();
  logger.info({ code: 'ready', documents, passages }, 'knowledge loaded');
  for (const [platform, token, others] of [
    ['Slack', 'SLACK_BOT_TOKEN', ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']],
    ['Discord', 'DISCORD_TOKEN', ['DISCORD_CLIENT_ID']],
  ] as const) {
    const set = others.filter((name) => process.env[name]?.trim());
    if (!process.env[token]?.trim() && set.length) logger.warn({ code: 'platform_off', platform, missing: token, set }, `${platform} is off: ${set.join(' and ')} set but ${token} is empty`);
  }

  if (!slack && !discord) {
    const intro = CHAT.intro;
    const code = await chatCommand(qa, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }, intro);
    await qa.close();
    await store.close();
    return code;
  }

  // A platform that fails for good (revoked token, disallowed intents) is stopped; with none left the process exits 1.
  const platforms = new Platforms(logger);
  const stopAll = async (): Promise<void> => {
    await platforms.stopAll();
    await qa.close();
    await store.close();
  };
  try {
    if (slack) {
      // Loaded only when configured: the terminal chat starts without loading Bolt or discord.js.
      const { startSlackBot } = await import('./slack/app');
      const bot = await startSlackBot({ qa, config: slack, logger, events: store, onFatal: () => platforms.fatal('slack') });
      platforms.add({ name: 'slack', stop: () => bot.stop() });
      logger.info({ code: 'slack_ready', mode: slack.mode }, 'Slack bot running');
    }
    if (discord) {
      const { startDiscordBot } = await import('./discord/client');
      const bot = await startDiscordBot({ qa, config: discord, logger, onFatal: () => platforms.fatal('discord') });
      platforms.add({ name: 'discord', stop: () => bot.stop() });
      logger.info({ code: 'discord_ready' }, 'Discord bot running');
    }
  } catch (error) {
    // One platform refusing to start must not leave the other (and the knowledge watcher) running in a process
    // that has already reported failure: stop what started, so the process exits and a supervisor can see it.
    await stopAll();
    throw error;
  }

  const signalled = new Promise<'signal'>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ code: 'stopping', signal }, 'stopping: finishing replies in flight');
      resolve('signal');
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  const why = await Promise.race([signalled, platforms.allGone().then(() => 'all_gone' as const)]);
  await stopAll();
  if (why === 'all_gone') {
    process.stderr.write('network-qa: no chat platform is left running (see the error above); exiting so a supervisor can restart the bot\n');
    return 1;
  }
  return 0;
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`network-qa: ${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
