import { pairedLatency } from '../../bench/paired-latency';
import type { BenchSystem } from '../../bench/system';

/** A system that records who was asked what, in order. */
function recorder(name: string, log: string[]): BenchSystem {
  return {
    name,
    build: () => undefined,
    save: () => undefined,
    load: () => undefined,
    ask(question) {
      log.push(`${name}:${question}`);
      return { reply: '', passageId: null, noAnswer: true };
    },
  };
}

describe('pairedLatency', () => {
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5'];

  it('asks every system every question once per round and times each ask', () => {
    const log: string[] = [];
    const times = pairedLatency([recorder('a', log), recorder('b', log)], questions, 3);
    expect(times.get('a')).toHaveLength(15);
    expect(times.get('b')).toHaveLength(15);
    for (const t of [...times.get('a')!, ...times.get('b')!]) expect(t).toBeGreaterThanOrEqual(0);
    for (const q of questions) {
      expect(log.filter((l) => l === `a:${q}`)).toHaveLength(3);
      expect(log.filter((l) => l === `b:${q}`)).toHaveLength(3);
    }
  });

  it('times the systems in whole passes of their own, in mirrored order (A B, then B A)', () => {
    const log: string[] = [];
    pairedLatency([recorder('a', log), recorder('b', log)], ['q1', 'q2'], 2);
    expect(log).toEqual(['a:q1', 'a:q2', 'b:q1', 'b:q2', 'b:q1', 'b:q2', 'a:q1', 'a:q2']);
  });
});
