import { abbreviationKey, findAbbreviations, initialsOf, learnAbbreviations, namesByInitials } from '../../src/text/abbreviations';

describe('findAbbreviations', () => {
  it('learns "Name (ABBR)"', () => {
    expect(findAbbreviations('The Marine Research Council (MRC) met in spring.')).toEqual([
      { abbreviation: 'MRC', key: 'mrc', expansion: 'Marine Research Council', how: 'parenthesis', offset: 28 },
    ]);
  });

  it('learns an abbreviation used near the phrase it abbreviates, without parentheses', () => {
    const text = 'Volunteer fire brigades train every month. Most VFBs recruit in villages.';
    expect(findAbbreviations(text)).toEqual([
      expect.objectContaining({ abbreviation: 'VFBs', key: 'vfb', expansion: 'Volunteer fire brigades', how: 'initials' }),
    ]);
  });

  it('spells initials from hyphenated words and skips small words inside the phrase', () => {
    const text = 'Grants go to not-for-profit housing groups. The NFPHGs and the department of water and power (the DWP) agree.';
    const found = findAbbreviations(text);
    expect(found.find((d) => d.key === 'nfphg')?.expansion).toBe('not-for-profit housing groups');
    expect(found.find((d) => d.key === 'dwp')?.expansion).toBe('department of water and power');
  });

  it('finds the phrase after the abbreviation too, nearest first', () => {
    const text = 'Ask the LPA. Local planning authorities decide; a local planning authority (one per district) is elected.';
    expect(findAbbreviations(text)[0]).toMatchObject({ key: 'lpa', expansion: 'Local planning authorities' });
  });

  it('does not take a phrase across punctuation', () => {
    expect(findAbbreviations('Rivers, lakes. Ponds dry out; the RLP data says so.')).toEqual([]);
  });

  it('needs capitalised words for a two-letter abbreviation', () => {
    expect(findAbbreviations('Every user counts. The EU agrees.')).toEqual([]);
    expect(findAbbreviations('The Baltic Council met. The BC agrees.')).toEqual([
      expect.objectContaining({ key: 'bc', expansion: 'Baltic Council' }),
    ]);
  });

  it('ignores capitalised words and all-capital words nothing spells', () => {
    expect(findAbbreviations('The Mayor opened the ZOOKEEPING exhibition.')).toEqual([]);
  });
});

describe('abbreviationKey', () => {
  it.each([['NGOs', 'ngo'], ['NGO', 'ngo'], ["NGO's", 'ngo'], ['ngos', 'ngo'], ['ICTs', 'ict']])('keys %s as %s', (word, key) => {
    expect(abbreviationKey(word)).toBe(key);
  });
});

describe('learnAbbreviations', () => {
  it('keeps a "Name (ABBR)" definition over initials found nearby', () => {
    const learnt = learnAbbreviations([
      'Mobile health units visit twice. MHUs need fuel.',
      'The Mountain Hut Union (MHU) runs the huts.',
    ]);
    expect(learnt).toEqual({ mhu: 'Mountain Hut Union' });
  });

  it('returns a plain object that survives JSON', () => {
    const learnt = learnAbbreviations(['The Coastal Ferry Board (CFB) sails.']);
    expect(JSON.parse(JSON.stringify(learnt))).toEqual({ cfb: 'Coastal Ferry Board' });
  });
});

describe('namesByInitials', () => {
  it('keys a name of capitalised words by their initials, small words inside it kept but giving no letter', () => {
    expect(namesByInitials('The Coastal Ferry Board sails to the Council of the Isles every day.')).toEqual([
      { key: 'cfb', name: 'Coastal Ferry Board' },
      { key: 'ci', name: 'Council of the Isles' },
    ]);
  });

  it('makes no name of one capitalised word, nor across punctuation', () => {
    expect(namesByInitials('Ferries leave Alba. Vesterby, Northmouth and Kelmsgate wait.')).toEqual([]);
    expect(namesByInitials('Members:\n- Port Alba\n- Vesterby\n- North Mouth').map((n) => n.name)).toEqual(['Port Alba', 'North Mouth']);
  });
});

describe('initialsOf', () => {
  it('finds what findAbbreviations and namesByInitials find, reading the text once', () => {
    const text = 'The European Commission works with non-governmental organisations. NGOs and the Committee of the Regions (CoR) advise it.';
    const { abbreviations, names } = initialsOf(text);
    expect(abbreviations).toEqual(findAbbreviations(text));
    expect(names).toEqual(namesByInitials(text));
    expect(abbreviations.map((a) => a.key)).toEqual(expect.arrayContaining(['ngo', 'cor']));
    expect(names.map((n) => n.key)).toContain('ec');
  });
});
