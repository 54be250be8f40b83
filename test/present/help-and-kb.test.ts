import { buildHelp, describeAge, kbReload, kbStats, kbUnanswered, MAX_LISTED, topicGroups } from '../../src/present';

describe('help', () => {
  const documents = [
    { file: 'forum.md', title: 'Knowledge Society forum' },
    { file: 'partners/oasc.md', title: 'OASC' },
    { file: 'partners/enoll.md', title: 'ENoLL' },
    { file: 'eurocities/eurocities.nl.md', title: 'EUROCITIES' },
    { file: 'eurocities/eurocities.en.md', title: 'EUROCITIES (English translation)', translatedFrom: 'nl' },
  ];

  it('groups the topics by folder, the top folder first, originals only, titles in order', () => {
    expect(topicGroups(documents)).toEqual([
      { name: 'General', titles: ['Knowledge Society forum'] },
      { name: 'Eurocities', titles: ['EUROCITIES'] },
      { name: 'Partners', titles: ['ENoLL', 'OASC'] },
    ]);
  });

  it('gives each surface its own commands and the same topics, how-to and examples', () => {
    const cli = buildHelp(documents, ['What is OASC?'], 'cli');
    const discord = buildHelp(documents, ['What is OASC?'], 'discord');
    expect(cli.commands.map(([c]) => c)).toEqual(expect.arrayContaining(['/more', '/sources', '/help', '/quit']));
    expect(discord.commands.map(([c]) => c)).toContain('/help');
    expect({ ...cli, commands: [] }).toEqual({ ...discord, commands: [] });
    expect(cli.intro).toContain('4 documents');
  });
});

describe('/kb replies', () => {
  const stats = { documents: 9, passages: 14, languages: ['en' as const, 'nl' as const], warnings: [], builtAt: '2026-01-01T10:00:00.000Z', loadedFromDisk: true, answerRate: 0.5 };

  it('lists the stats as labelled figures', () => {
    expect(kbStats(stats, Date.parse('2026-01-01T12:00:00.000Z'))).toEqual([
      { label: 'Documents', value: '9' },
      { label: 'Passages', value: '14' },
      { label: 'Languages', value: 'en, nl' },
      { label: 'Index built', value: '2026-01-01T10:00:00.000Z (2 h ago, loaded from disk)' },
      { label: 'Answer rate', value: '50%' },
    ]);
    expect(describeAge('not a date')).toBe('unknown age');
  });

  it('lists at most MAX_LISTED problems of a reindex and counts the rest', () => {
    const warnings = Array.from({ length: MAX_LISTED + 2 }, (_, i) => ({ code: 'knowledge_invalid_document' as const, file: `d${i}.md`, line: i + 1, message: 'bad' }));
    const outcome = kbReload({ ok: false, stats, warnings });
    expect(outcome.problems).toHaveLength(MAX_LISTED);
    expect(outcome.problems[0]).toEqual({ where: 'd0.md:1', message: 'bad' });
    expect(outcome.more).toBe(2);
  });

  it('says when nothing is unanswered', () => {
    const report = { since: '', questions: 3, answerRate: 1, feedback: { up: 0, down: 0, ratio: null }, latencyMs: { p50: 1, p95: 2 }, topQuestions: [], needsWork: [] };
    expect(kbUnanswered(report, 7)).toEqual({ head: 'Nothing unanswered or 👎-rated in the last 7 days (3 questions, answer rate 100%).', items: [] });
  });
});
