import { FakeQA } from '../../fakes/slack/fake-qa';
import { eventEnvelope } from '../../fakes/slack/payloads';
import { startSocketHarness, type SocketHarness } from './harness';

/** The App Home tab, published through the real Bolt app to the fake Slack Web API. */
describe('Slack App Home', () => {
  const qa = new FakeQA();
  let h: SocketHarness;
  beforeAll(async () => {
    h = await startSocketHarness(qa, ['UMAINT001']);
  });
  afterAll(() => h.close());
  beforeEach(() => h.api.reset());

  const open = async (user: string, tab = 'home') => {
    await h.socket.send('events_api', eventEnvelope({ type: 'app_home_opened', user, channel: 'DHOME0001', tab, ts: '1710000000.000001' }));
  };
  const published = async () => {
    await h.api.waitFor(() => h.api.callsTo('views.publish').length === 1);
    const { params } = h.api.callsTo('views.publish')[0]!;
    return { user: params.user_id, view: typeof params.view === 'string' ? JSON.parse(params.view) : params.view };
  };

  it('shows everyone the topics, how to ask and the examples, without the maintainers\' figures', async () => {
    await open('UALICE001');
    const { user, view } = await published();
    const text = JSON.stringify(view.blocks);
    expect(user).toBe('UALICE001');
    expect(view.type).toBe('home');
    for (const group of qa.help('slack').topics) for (const title of group.titles) expect(text).toContain(title);
    expect(text).toContain('How to ask');
    expect(view.blocks.find((b: any) => b.block_id === 'related').elements.map((e: any) => e.value)).toEqual(qa.help('slack').examples.slice(0, 5));
    expect(text).not.toContain('Documents:');
  });

  it('adds the /kb stats figures for a maintainer', async () => {
    await open('UMAINT001');
    const text = JSON.stringify((await published()).view.blocks);
    expect(text).toContain(`*Documents:* ${qa.stats().documents}`);
    expect(text).toContain('*Answer rate:* 75%');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await open('UALICE001', 'messages');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.api.callsTo('views.publish')).toHaveLength(0);
  });
});
