import { isHelpRequest, isMoreRequest } from '../../src/conversation';

describe('isMoreRequest', () => {
  it.each(['tell me more', 'More!', '/more', 'details', 'meer', 'Vertel me meer', 'plus de détails', 'mehr bitte', 'más detalles', 'dimmi di più'])('knows "%s" asks for more', (text) => {
    expect(isMoreRequest(text)).toBe(true);
  });

  it.each(['more members?', 'how many more cities joined?', 'What is ENoLL?'])('reads "%s" as a question', (text) => {
    expect(isMoreRequest(text)).toBe(false);
  });
});

describe('isHelpRequest', () => {
  it.each(['help', '/help', 'What can you do?', 'hulp', 'wat kun je?', 'aide', "Qu'est-ce que tu sais faire ?", 'Was kannst du?', '¿Qué puedes hacer?', 'cosa puoi fare?'])('knows "%s" asks for help', (text) => {
    expect(isHelpRequest(text)).toBe(true);
  });

  it.each(['help me find the staff contact', 'What can the forum do for cities?'])('reads "%s" as a question', (text) => {
    expect(isHelpRequest(text)).toBe(false);
  });
});
