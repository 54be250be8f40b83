import { analyzeQuestion } from '../../src/answer/question';

const asked = (text: string, langs: ('en' | 'nl')[] = ['en', 'nl']) => analyzeQuestion(text, langs);
const wordsOf = (text: string, langs?: ('en' | 'nl')[]) => asked(text, langs).words.map((w) => w.word);

describe('analyzeQuestion', () => {
  it('keeps the words that say what the question is about, without function and framing words', () => {
    expect(wordsOf('Could you please tell me who the vice chair of the forum is?')).toEqual(['vice', 'chair', 'forum']);
  });

  it("drops chat's hedges and discourse markers, in the supported languages", () => {
    expect(wordsOf('btw what does eurocities actually do, pls?')).toEqual(['eurocities']);
    expect(wordsOf('is the league just a european thing?')).toEqual(['league', 'european']);
    expect(wordsOf('smart tech priority in a nutshell?')).toEqual(['smart', 'tech', 'priority']);
    expect(wordsOf('wat doet eurocities eigenlijk tegenwoordig?')).toEqual(['eurocities']);
    expect(wordsOf('Was macht EUROCITIES eigentlich?', ['en'])).toContain('eurocities');
    expect(wordsOf('Was macht EUROCITIES eigentlich?', ['en'])).not.toContain('eigentlich');
  });

  it('drops what a question sets aside, up to a comma at its start or in its last three words', () => {
    expect(wordsOf('apart from minutes, what does the council publish abroad?')).toEqual(['council', 'publish', 'abroad']);
    expect(wordsOf('does the council do anything besides printing tables?')).toEqual(['council']);
    expect(wordsOf('¿Además de las actas, qué publica el consejo?')).not.toContain('actas');
    // Nothing left but what is set aside: then the question keeps it.
    expect(wordsOf('Who else besides the mayor?')).toContain('mayor');
    // Not a longer clause: there it says what is asked about.
    expect(wordsOf('Which port besides Alba has a ferry terminal?')).toEqual(expect.arrayContaining(['alba', 'ferry', 'terminal']));
  });

  it("drops chat's 'any idea?' and a conjunction natural's list lacks ('once')", () => {
    expect(wordsOf('what does the council publish, any idea')).toEqual(['council', 'publish']);
    expect(wordsOf('Who checks the rules once adopted?')).toEqual(['checks', 'rules', 'adopted']);
    expect(wordsOf('Which idea won?')).toContain('idea');
  });

  it('drops the function words of the language a question is written in when the knowledge lacks it', () => {
    const spanish = wordsOf('¿Cuándo se fundó la red europea de Living Labs?');
    expect(spanish).not.toContain('de');
    expect(spanish).not.toContain('la');
    expect(spanish).toEqual(expect.arrayContaining(['fundo', 'red', 'living', 'labs']));
    expect(asked('¿Cuándo se fundó la red europea de Living Labs?').spoken).toBe('es');
  });

  it('keeps English words that are function words of another language ("man", "war", "door", "men", "want")', () => {
    expect(wordsOf('Which man started the war?', ['en', 'nl'])).toEqual(['man', 'started', 'war']);
    expect(wordsOf('Which door do men want?', ['en', 'nl'])).toEqual(['door', 'men', 'want']);
  });

  it('drops a verb that only leads to another ("trying to achieve", "want to advance")', () => {
    expect(wordsOf('Why is the council trying to achieve this?')).toEqual(['council', 'achieve']);
    expect(wordsOf('Which charter did the council want to advance?')).toEqual(['charter', 'council', 'advance']);
    expect(wordsOf('whats the council actually trying to achieve')).toEqual(['council', 'aim']);
    expect(wordsOf('What do the members want?')).toContain('want');
    expect(wordsOf('what do they want our ports to become?')).toEqual(['ports', 'become']);
    expect(wordsOf('do the members want access for ferries and to ports?')).toContain('want');
    expect(wordsOf('what do the members want, and how to join?')).toContain('want');
  });

  it('reads a short question in a language the detector is unsure of by its function words (Portuguese "que", "de")', () => {
    const q = asked('O que é a Rede Europeia de Living Labs?');
    expect(q.spoken).toBe('pt');
    expect(q.words.map((w) => w.word)).toEqual(['rede', 'europeia', 'living', 'labs']);
    // Names with another language's function words in an English question keep it English, and keep their words.
    expect(asked('was Luis de la Fuente ever the chair?').spoken).toBeNull();
    expect(wordsOf('was Luis de la Fuente ever the chair?')).toEqual(['luis', 'de', 'la', 'fuente', 'ever', 'chair']);
  });

  it('drops the question words and auxiliaries of other languages that natural\'s stop word lists lack', () => {
    expect(wordsOf('¿cuáles eran las prioridades de 2015?')).toEqual(['prioridades', '2015']);
    expect(wordsOf('Quali sono le città della rete?')).not.toContain('quali');
  });

  it('keeps the words of an English question that are function words in other languages ("per", "con", "hat")', () => {
    expect(wordsOf('how many cities per country are members?')).toContain('per');
    expect(wordsOf('what did the con artist say?')).toContain('con');
    expect(wordsOf('is there a hat tax')).toContain('hat');
  });

  it('reads the kind of answer expected from the wording, in several languages', () => {
    expect(asked('When was ENoLL founded?').expects).toBe('date');
    expect(asked('Wanneer is ENoLL opgericht?').expects).toBe('date');
    expect(asked('ENoLL a été créé quand ?').expects).toBe('date');
    expect(asked('enoll founded when?').expects).toBe('date');
    expect(asked('Who chaired the forum and when?').expects).toBe('person');
    expect(asked('How many members are listed?').expects).toBe('number');
    expect(asked('What does ICT stand for?').expects).toBe('expansion');
    expect(asked('Who is the staff contact?').expects).toBe('person');
    expect(asked('Where is the office?').expects).toBe('place');
    expect(asked('What is OASC?').expects).toBeNull();
    expect(asked('Why did the vice chair step down?').expects).toBe('reason');
    expect(asked('Waarom is het forum opgericht?').expects).toBe('reason');
    expect(asked('What does membership cost?').expects).toBe('number');
    expect(asked('Quanto costa la quota?').expects).toBe('number');
    expect(asked("what's one harbour token worth?").expects).toBe('number');
    // The cues that open a question come first: a name, a reason.
    expect(asked('Who covers the costs of the secretariat?').expects).toBe('person');
    expect(asked('Why does membership cost so much?').expects).toBe('reason');
    // "Who can join?" asks for a kind of body, as "who are the members?" does; "who can I contact?" for a name.
    expect(asked('Who can be a member of the league?').expects).toBeNull();
    for (const text of ['Wie kunnen er lid worden van de league?', 'Qui peut devenir membre ?', 'Wer kann Mitglied werden?', '¿Quién puede ser miembro?', 'Chi può diventare membro?']) {
      expect(asked(text).expects).toBeNull();
    }
    expect(asked('Wie kan het forum voorzitten?').expects).toBe('person');
    expect(asked('¿Quién puede ser el contacto?').expects).toBe('person');
    // "can" and "become" are the question's grammar, not its topic.
    expect(wordsOf('¿Quién puede ser miembro de la league?')).toEqual(['miembro', 'league']);
    expect(wordsOf('Chi può diventare membro della league?')).toEqual(['membro', 'league']);
    expect(wordsOf('Qui peut devenir membre de la league ?')).toEqual(['membre', 'league']);
    expect(asked('Who can I contact about the league?').expects).toBe('person');
  });

  it('drops the grammar words of a language mixed into an English-looking question ("wie is de … van het …")', () => {
    // With English knowledge alone the question reads as English: its Dutch words are still grammar.
    expect(wordsOf('wie is de harbour master van het league', ['en'])).toEqual(['harbour', 'master', 'league']);
    // Two particles of a name, however often written, are no sentence of another language.
    expect(wordsOf('De la Warr and De la Salle: where are they?', ['en'])).toEqual(expect.arrayContaining(['de', 'la', 'warr']));
  });

  it('drops a phrase that only places the question in time ("over the years", "at the moment")', () => {
    expect(wordsOf('how did the league grow over the years?')).toEqual(['league', 'grow']);
    expect(wordsOf('who chairs the council at the moment?')).toEqual(['chairs', 'council']);
    expect(wordsOf('who chairs the council atm?')).toEqual(['chairs', 'council']);
    expect(wordsOf('how has the league changed since it began?')).toEqual(['league', 'changed']);
    expect(wordsOf('roughly what share of the ferries run late?')).toEqual(['ferries', 'run', 'late']);
    expect(asked('roughly what share of the ferries run late?').expects).toBe('number');
    expect(wordsOf('how many ports share the charter?')).toEqual(['ports', 'share', 'charter']);
    expect(wordsOf('what size is the ferry fleet?')).toEqual(['ferry', 'fleet']);
    expect(asked('what size is the ferry fleet?').expects).toBe('number');
    expect(wordsOf('how many ferries does the fleet size allow?')).toEqual(['ferries', 'fleet', 'size', 'allow']);
    expect(wordsOf('what were the council priorities back in 2006?')).toEqual(['council', 'priorities', '2006']);
    expect(wordsOf('how many years has the league run?')).toContain('years');
  });

  it('reads a comparison ("how is X different", "what sets X apart", "the same way"), not a quantity of kinds', () => {
    for (const text of ['How is the harbour council different from the port board?', 'what makes the ferry line different?', 'what sets the council apart from other boards', 'are all ports run the same way?', 'Was unterscheidet den Rat von anderen?', 'Cosa distingue il porto?']) {
      expect(asked(text).expects).toBe('comparison');
    }
    expect(asked('what sets the council apart from other boards').words.map((w) => w.word)).toEqual(['council', 'boards']);
    for (const text of ['how many different ferries are there?', 'what different kinds of ferries run?', 'apart from tides, what does the council do?']) {
      expect(asked(text).expects).not.toBe('comparison');
    }
  });

  it('reads the comparing word as the cue, not a topic word the answer must hold ("Unlike any other port…")', () => {
    expect(wordsOf('How is the harbour council different from the port board?')).toEqual(['harbour', 'council', 'port', 'board']);
    expect(wordsOf('what makes the ferry line unlike the others?')).toEqual(['makes', 'ferry', 'line', 'others']);
  });

  it('reads "where does X come in / stand / fit" as asking about a place in a text or a stance, not on a map', () => {
    const idiom = asked('where do ferries come up in the council priorities?');
    expect(idiom.expects).toBeNull();
    expect(idiom.words.map((w) => w.word)).toEqual(['ferries', 'council', 'priorities']);
    expect(asked('where does the harbour charter come in?').expects).toBeNull();
    expect(asked('Where does the council stand on ferries?').expects).toBeNull();
    expect(asked('where is the council based?').expects).toBe('place');
    expect(asked('where do the ferries come from?').expects).toBe('place');
  });

  it('reads an idiom as the word the documents would use ("the point of" → purpose, "set up" → founded)', () => {
    expect(wordsOf("what's the point of the harbour council?")).toEqual(['purpose', 'harbour', 'council']);
    expect(wordsOf('What’s the point of the harbour council?')).toEqual(['purpose', 'harbour', 'council']);
    expect(wordsOf('what is the point of contact at the council?')).toEqual(['point', 'contact', 'council']);
    expect(wordsOf('who do i reach out to about ferries?')).toEqual(['contact', 'ferries']);
    expect(wordsOf('when was the league set up?')).toEqual(['league', 'founded']);
    expect(wordsOf('what does the harbour master do for a living?')).toEqual(['harbour', 'master', 'job']);
    expect(wordsOf("what's the harbour master's day job?")).toEqual(['harbour', 'master', 'job']);
  });

  it('reads "person" in a who-question as the kind of answer, in the supported languages', () => {
    expect(wordsOf('who is the contact person at the council?')).toEqual(['contact', 'council']);
    expect(wordsOf('Qui est la personne de contact au conseil ?')).not.toContain('personne');
    expect(wordsOf('what does the person in charge do?')).toContain('person');
  });

  it('expects a name of "who is", not of "who are" or "whose" (a kind of people or a body, as often as names)', () => {
    expect(asked('Who is the vice chair?').expects).toBe('person');
    expect(asked('Who are the members of EUROCITIES?').expects).toBeNull();
    expect(asked('Wie zijn de leden?').expects).toBeNull();
    expect(asked('Whose voice is the Committee of the Regions?').expects).toBeNull();
  });

  it('reads "full name" as asking for an expansion only of an abbreviation', () => {
    expect(asked("OASC - what's the full name?").expects).toBe('expansion');
    expect(asked('wat is de volledige naam van ENoLL').expects).toBe('expansion');
    expect(asked('what is the full name of the vice chair?').expects).toBeNull();
  });

  it('notes the names written with a capital inside the question, unless it is all capitals', () => {
    expect([...asked('is Bristol a member of EUROCITIES?').capitalized]).toEqual(['bristol', 'eurocities']);
    expect([...asked('IS BRISTOL A MEMBER?').capitalized]).toEqual([]);
  });

  it('notes the category of a "what kind of" question', () => {
    expect([...asked('What kind of organisations should ecosystems include?').category]).toEqual(['organisations']);
  });

  it('notes the category noun a which-question asks for, up to two words after its question word', () => {
    expect([...asked('which EU institution proposes new laws?').category]).toEqual(['institution']);
    expect([...asked('what body manages the budget?').category]).toEqual(['body']);
    expect([...asked('welke organisatie beheert de begroting?').category]).toEqual(['organisatie']);
    expect([...asked('which port city hosts the ferry?').category]).toEqual(['city']);
  });

  it('takes no category noun that is the subject of the question rather than what it asks for', () => {
    expect([...asked('what does the institution do?').category]).toEqual([]);
    expect([...asked('which of the new ferry lines stops in the city?').category]).toEqual([]);
    expect([...asked('which of the bodies chairs the forum?').category]).toEqual([]);
    // The grammar words of the question's own language, whatever the knowledge's: "est-ce que la ville…".
    expect([...asked('Est-ce que la ville de Lyon est membre ?', ['en']).category]).toEqual([]);
  });
});

describe('the cue words of the expected answer', () => {
  it('read a chat-style question that ends on the kind of date as a date question ("founding yr?")', () => {
    for (const text of ['council founding yr?', 'ferry launch date?', 'In which year did the council move?']) {
      expect(asked(text).expects).toBe('date');
      expect(asked(text).words.map((w) => w.word)).not.toEqual(expect.arrayContaining(['yr']));
    }
    expect(asked('How many years did the council sit?').expects).toBe('number');
  });

  it('are kept apart from the topic words ("stand for", "short for" only say an expansion is expected)', () => {
    for (const text of ['What does ICT stand for?', 'whats ENoLL short for']) {
      const q = analyzeQuestion(text, ['en']);
      expect(q.expects).toBe('expansion');
      expect(q.words.map((w) => w.word)).toHaveLength(1);
      expect([...q.cueWords]).toEqual(expect.arrayContaining(['short']));
    }
  });
});

describe('analyzeQuestion: the words a reply is checked against', () => {
  it('holds every folded word of the question, and the stems of its topic words', () => {
    const q = asked('Who chairs the Presidency?');
    expect([...q.asked]).toEqual(expect.arrayContaining(['who', 'chairs', 'the', 'presidency']));
    expect(q.askedStems.has('presid')).toBe(true);
    expect(q.askedStems.has('who')).toBe(false);
    expect(q.asked).toBe(q.asked);
  });
});

describe('analyzeQuestion: a what-question that ends on a verb of describing', () => {
  it('asks for a description of its subject: the verb is no topic word', () => {
    expect(wordsOf('What does the Smart Technologies priority cover?')).toEqual(['smart', 'technologies', 'priority']);
    expect(wordsOf('What does the charter actually mean?')).toEqual(['charter']);
    expect(wordsOf('Wat houdt het handvest in?')).not.toContain('inhouden');
  });

  it('reads a verb of reaching a goal as asking for the aim, in each language', () => {
    expect(wordsOf('what is OASC trying to achieve')).toEqual(['oasc', 'aim']);
    expect(wordsOf('Wat wil de TWL bereiken?')).toEqual(['twl', 'aim']);
    expect(wordsOf("Qu'est-ce que la TWL veut atteindre ?")).toContain('aim');
    expect(wordsOf('What did the league achieve in 2016?')).toContain('achieve');
    // German "was" opens no English question.
    expect(wordsOf('Was the 2015 target hard to achieve?')).toContain('achieve');
  });

  it('keeps the verb where it says what is asked about', () => {
    expect(wordsOf('Does the forum cover housing?')).toContain('cover');
    expect(wordsOf('What does the charter cover in housing?')).toContain('cover');
  });
});

describe('analyzeQuestion: the verb that says a role is held', () => {
  it('drops it beside a role noun of its language ("what role does X play?", "welche Rolle spielen…")', () => {
    expect(wordsOf('What role does Ilse Marr play?')).toEqual(['role', 'ilse', 'marr']);
    expect(wordsOf('what position does she hold in the council')).toEqual(['position', 'council']);
    expect(wordsOf('Welche Rolle spielen die Lotsen?', ['en'])).not.toContain('spielen');
    expect(wordsOf('Quel rôle joue le conseil ?', ['en'])).not.toContain('joue');
  });

  it('keeps it without a role noun near it, or in another language than the question\'s', () => {
    expect(wordsOf('Where will the post-conference dinner be held?')).toContain('held');
    expect(wordsOf('Which role is written in the charter, and which teams play in the league?')).toContain('play');
  });

  it('keeps it without a role noun ("which teams play in the league?")', () => {
    expect(wordsOf('Which teams play in the league?')).toContain('play');
    expect(wordsOf('Who holds the record?')).toContain('holds');
  });
});

describe('analyzeQuestion: capitalised words', () => {
  it('reads them as names, but not in German, which capitalises every noun', () => {
    expect([...asked('Which Polish cities share data?').capitalized]).toEqual(['polish']);
    expect([...asked('Wer ist der Präsident des Ausschusses der Regionen?').capitalized]).toEqual([]);
    expect([...asked('WHO IS THE CHAIR?').capitalized]).toEqual([]);
  });
});
